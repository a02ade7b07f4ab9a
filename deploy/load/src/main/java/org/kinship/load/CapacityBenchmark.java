package org.kinship.load;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.kinship.load.Ramp.Outcome;
import org.kinship.load.Visitor.GroupPlace;

/**
 * The capacity benchmark: members launched from the EHR and active in a fixed mix
 * ({@link Mix}), added in steps until a step breaks a threshold ({@link Thresholds}); the
 * answer is the most active members a step held. The community manager makes the groups
 * with Kinship's pages and every persona the sandbox can launch joins each; a member is a
 * launch session of one of them (several per persona, as one person on several devices),
 * following one group. At the start of each step the manager sends each group an
 * important broadcast, which the members acknowledge as part of the mix.
 */
final class CapacityBenchmark {

	private static final int CONNECTING = 32;

	private final Arguments arguments;

	private final Community community;

	private final String kinship;

	private final Crowd crowd;

	private final List<GroupPlace> groups = new ArrayList<>();

	private final List<Seat> seats = new ArrayList<>();

	private final ExecutorService launches;

	private Browser manager;

	private int steps;

	private CapacityBenchmark(Arguments arguments) {
		this.arguments = arguments;
		this.kinship = arguments.value("--kinship", "http://localhost:18380");
		this.community = new Community(arguments.value("--sandbox", "http://localhost:19390"), this.kinship);
		this.crowd = new Crowd(this.kinship, arguments.number("--think-ms", 10_000), arguments.number("--groups", 10));
		this.launches = Executors.newFixedThreadPool(arguments.number("--launch-threads", 8));
	}

	static void main(String[] args) throws Exception {
		CapacityBenchmark benchmark = new CapacityBenchmark(new Arguments(args));
		try {
			benchmark.run();
		}
		finally {
			benchmark.crowd.close();
			benchmark.launches.shutdownNow();
		}
	}

	private void run() throws Exception {
		int nodes = this.arguments.number("--nodes", 1);
		Thresholds thresholds = new Thresholds(this.arguments.number("--page-p99-ms", 300),
				this.arguments.number("--message-p99-ms", 150), 0);
		setUp();
		System.out.printf("mix (weights): %s; a member acts every %d ms on average%n", Mix.describe(),
				this.arguments.number("--think-ms", 10_000));
		Outcome outcome = Ramp.climb(this.arguments.number("--start", 100), this.arguments.number("--step", 100),
				this.arguments.number("--max", 3000), thresholds, this::step);
		int held = outcome.activeMembers();
		if (outcome.broke() != null) {
			System.out.printf("broke at %d members: %s%n", outcome.broke().members(),
					String.join("; ", outcome.reasons()));
		}
		else {
			System.out.println("the most members tried held (raise --max to look further)");
		}
		System.out.printf(Locale.ROOT, "held: %d active members on %d node(s), %.0f per node%n", held, nodes,
				held / (double) nodes);
		StepFigures shown = (outcome.held() != null) ? outcome.held() : outcome.broke();
		System.out.printf(Locale.ROOT,
				"{\"nodes\":%d,\"active_members\":%d,\"page_p99_ms\":%.1f,\"message_p99_ms\":%.1f,\"errors\":%d}%n",
				nodes, held, shown.pageP99Millis(), shown.messageP99Millis(), shown.errors());
	}

	private void setUp() throws Exception {
		this.manager = this.community.launch(Community.MANAGER);
		String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		List<String> slugs = new ArrayList<>();
		for (int group = 0; group < this.arguments.number("--groups", 10); group++) {
			slugs.add(this.community.createGroup(this.manager, "Capacity " + tag + " " + (group + 1)));
		}
		// one at a time: first launches made at once deadlock in MariaDB (see Cast)
		for (String persona : this.community.personas()) {
			Browser browser = this.community.launch(persona);
			boolean joinedAll = true;
			for (String slug : slugs) {
				joinedAll &= this.community.join(browser, slug, Community.displayName(this.seats.size()));
			}
			if (joinedAll) {
				this.seats.add(new Seat(persona, browser));
			}
		}
		if (this.seats.isEmpty()) {
			throw new IllegalStateException("No persona could join the groups");
		}
		for (String slug : slugs) {
			this.groups.add(new GroupPlace(slug, this.community.groupId(this.seats.get(0).browser(), slug)));
		}
		System.out.printf("%d personas joined %d groups%n", this.seats.size(), this.groups.size());
	}

	private StepFigures step(int members) throws Exception {
		this.steps++;
		StepBook book = this.crowd.book();
		// the step's broadcasts first, as a step begins: their push to every open page is
		// a burst of its own (deploy/bench/broadcast measures it), over before the window
		long broadcastStart = System.nanoTime();
		sendBroadcasts();
		long growStart = System.nanoTime();
		int added = grow(members - this.crowd.size());
		System.out.printf(Locale.ROOT,
				"step %d: broadcasts sent in %.1f s, %d members added in %.1f s, %d active, %d sockets open%n",
				this.steps, (growStart - broadcastStart) / 1e9, added, (System.nanoTime() - growStart) / 1e9,
				this.crowd.size(), this.crowd.online());
		int warmUp = this.arguments.number("--warmup", 60);
		if (this.steps == 1 && warmUp > 0) {
			// the JIT compiles while the first members act; errors then are reported, not
			// counted
			Thread.sleep(TimeUnit.SECONDS.toMillis(warmUp));
			System.out.printf("warm-up of %d s, not measured; errors: %s%n", warmUp, book.describeErrors());
			book = new StepBook();
		}
		int seconds = this.arguments.number("--step-seconds", 30);
		Ledger window = this.crowd.begin("w" + this.steps, book);
		book.openWindow();
		System.out.printf("step %d: window opened at %s%n", this.steps, Instant.now().truncatedTo(ChronoUnit.SECONDS));
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
		book.closeWindow();
		// the members carry on; what they do from now on is the next step's
		this.crowd.begin("r" + (this.steps + 1), new StepBook());
		Phases.drain(window, this.arguments.number("--drain-seconds", 10));
		return report(members, book, window.figures(), seconds);
	}

	private StepFigures report(int members, StepBook book, Figures messages, int seconds) {
		long messageErrors = messages.held() + messages.refused() + messages.failed() + messages.unanswered()
				+ messages.lost();
		// a send refused, failed or unanswered is in the book already, as its action's
		// error
		StepFigures figures = new StepFigures(members, book.pageP99Millis(), messages.p99Millis(),
				book.errors() + messages.lost(), book.actionsDone() / (double) seconds,
				messages.stored() / (double) seconds);
		System.out.println("  " + figures.describe());
		book.describeActions().forEach((line) -> System.out.println("    " + line));
		String slow = book.describeSlowSeconds();
		if (!slow.isEmpty()) {
			System.out.println("    actions over 500 ms by the second of the window they started in: " + slow);
		}
		System.out.println("    messages: " + messages.describe().replace("\n", "\n    ")
				+ " (a reaction comes again as its message, counted as duplicated)");
		if (messageErrors > 0 || book.errors() > 0) {
			book.describeErrors().forEach((line) -> System.out.println("    error: " + line));
		}
		return figures;
	}

	private int grow(int count) throws Exception {
		List<Future<Browser>> launched = new ArrayList<>();
		int first = this.crowd.size();
		for (int index = first; index < first + count; index++) {
			Seat seat = this.seats.get(index % this.seats.size());
			boolean seated = index < this.seats.size();
			launched.add(this.launches
				.submit((Callable<Browser>) () -> seated ? seat.browser() : this.community.launch(seat.persona())));
		}
		Semaphore connecting = new Semaphore(CONNECTING);
		List<CompletableFuture<Visitor>> connections = new ArrayList<>();
		for (int offset = 0; offset < count; offset++) {
			Browser browser;
			try {
				browser = launched.get(offset).get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				this.crowd.error("launch failed");
				continue;
			}
			int group = (first + offset) % this.groups.size();
			Visitor visitor = new Visitor(group, this.groups.get(group), browser, this.crowd);
			connecting.acquire();
			connections.add(visitor.connect()
				.orTimeout(60, TimeUnit.SECONDS)
				.whenComplete((done, failure) -> connecting.release())
				.thenApply((done) -> visitor));
		}
		int added = 0;
		for (CompletableFuture<Visitor> connection : connections) {
			try {
				this.crowd.join(connection.join());
				added++;
			}
			catch (RuntimeException ex) {
				this.crowd.error("socket not opened");
			}
		}
		return added;
	}

	private void sendBroadcasts() throws Exception {
		long[] ids = new long[this.groups.size()];
		for (int group = 0; group < ids.length; group++) {
			String title = "Step " + this.steps + " notice";
			HttpResponse<String> saved = this.manager.submit(this.kinship + "/manage/broadcasts/new", "broadcast-form",
					broadcast(this.groups.get(group).id(), title, "save"));
			String location = saved.headers().firstValue("Location").orElse("");
			if (saved.statusCode() != 302 || !location.matches(".*/manage/broadcasts/[0-9]+$")) {
				throw new IllegalStateException("Broadcast not saved (" + saved.statusCode() + ")");
			}
			ids[group] = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
			Browser.Form form = this.manager.form(this.kinship + "/manage/broadcasts/" + ids[group], "broadcast-form");
			HttpResponse<String> sent = this.manager.post(form, broadcast(this.groups.get(group).id(), title, "send"));
			if (sent.statusCode() != 302) {
				throw new IllegalStateException("Broadcast not sent (" + sent.statusCode() + ")");
			}
		}
		this.crowd.broadcasts(ids);
	}

	private static Map<String, String> broadcast(long groupId, String title, String action) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("body", "Please read: the clinic's opening hours change next week.");
		form.put("priority", "IMPORTANT");
		form.put("audienceKind", "GROUPS");
		form.put("groupIds", Long.toString(groupId));
		form.put("snomedCodes", "");
		form.put("icd10Codes", "");
		form.put("rxnormCodes", "");
		form.put("scheduledAt", "");
		form.put("expiresAt", "");
		form.put("action", action);
		return form;
	}

	/**
	 * A persona seated in every group of the run.
	 *
	 * @param persona the persona
	 * @param browser the session it joined in
	 */
	private record Seat(String persona, Browser browser) {
	}

}
