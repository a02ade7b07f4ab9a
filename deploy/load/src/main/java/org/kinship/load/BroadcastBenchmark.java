package org.kinship.load;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One urgent broadcast to a large cohort: how long the send takes to store it for every
 * member, how long it takes to reach every open page, and how many "I have read this" a
 * burst of members records per second. The group is made with the community manager's
 * pages and every persona the sandbox can launch joins it; the rest of the cohort is
 * seeded in the database ({@link CohortDatabase}), since the sandbox knows only a few
 * dozen people. The open pages are real STOMP sessions of real launches, several per
 * persona; the broadcast is composed and sent with the manager's forms.
 */
final class BroadcastBenchmark {

	private BroadcastBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Arguments arguments = new Arguments(args);
		String kinship = arguments.value("--kinship", "http://localhost:18280");
		int members = arguments.number("--members", 20_000);
		int online = arguments.number("--online", 2_000);
		int ackBroadcasts = Math.max(2, arguments.number("--ack-broadcasts", 60));
		int ackThreads = arguments.number("--ack-threads", 32);
		int ackInFlight = arguments.number("--ack-in-flight", 256);
		int launchThreads = arguments.number("--launch-threads", 8);
		Community community = new Community(arguments.value("--sandbox", "http://localhost:19290"), kinship);
		try (CohortDatabase db = new CohortDatabase(arguments.value("--db", ""), "root", "");
				CohortDatabase poller = new CohortDatabase(arguments.value("--db", ""), "root", "");
				BroadcastScreens screens = new BroadcastScreens()) {
			Browser manager = community.launch(Community.MANAGER);
			String slug = community.createGroup(manager,
					"Broadcast bench " + UUID.randomUUID().toString().substring(0, 6));
			List<Seat> joined = joinAll(community, slug);
			long groupId = community.groupId(joined.get(0).browser(), slug);
			long seedMillis = db.seed(groupId, members - joined.size());
			int cohort = db.members(groupId);
			System.out.printf("cohort: %d members (%d launched personas, %d seeded in %d ms)%n", cohort, joined.size(),
					cohort - joined.size(), seedMillis);

			List<Browser> sessions = sessions(community, joined, online, launchThreads);
			int open = screens.open(kinship.replaceFirst("^http", "ws") + "/ws",
					sessions.stream().map(Browser::cookieHeader).toList());
			System.out.printf("online: %d pages open on %d launch sessions of %d personas%n", open, sessions.size(),
					joined.size());
			screens.takeProblems().forEach((line) -> System.out.println("  problem: " + line));

			// the broadcasts acknowledged in the burst are sent first, warming the send
			// path up
			List<Long> acknowledged = new ArrayList<>();
			for (int warm = 1; warm < ackBroadcasts; warm++) {
				long id = compose(manager, kinship, groupId, "Warm-up notice " + warm);
				send(manager, kinship, id, groupId, "Warm-up notice " + warm);
				acknowledged.add(id);
			}
			System.out.printf("%d broadcasts sent before the measured one%n", acknowledged.size());

			long id = compose(manager, kinship, groupId, "Urgent: clinic closed tomorrow");
			AtomicLong storedAt = new AtomicLong();
			Thread watcher = new Thread(() -> awaitStored(poller, id, cohort, storedAt), "stored-watcher");
			watcher.setDaemon(true);
			watcher.start();
			long sent = System.nanoTime();
			Latencies arrivals = screens.watch(id, sent);
			HttpResponse<String> answer = send(manager, kinship, id, groupId, "Urgent: clinic closed tomorrow");
			long answered = System.nanoTime();
			int arrived = screens.awaitArrivals(10);
			watcher.join(TimeUnit.SECONDS.toMillis(30));
			acknowledged.add(id);
			double storedMs = (storedAt.get() > 0) ? (storedAt.get() - sent) / 1e6 : Double.NaN;
			int stored = db.recipients(id);
			int missed = open - arrived;
			System.out.printf(Locale.ROOT,
					"send: answered %d in %.1f ms; %d recipients stored and committed %.1f ms after the send began%n",
					answer.statusCode(), (answered - sent) / 1e6, stored, storedMs);
			System.out.printf(Locale.ROOT,
					"live: %d of %d open pages had it within 10 s (%d missed); send to arrival p50 %.1f ms, "
							+ "p99 %.1f ms, max %.1f ms (target p99 under 2,000 ms); %d recipients marked delivered%n",
					arrived, open, missed, arrivals.percentileMillis(50), arrivals.percentileMillis(99),
					arrivals.maxMillis(), db.delivered(id));
			screens.takeProblems().forEach((line) -> System.out.println("  problem: " + line));

			// half the broadcasts are acknowledged over the pages' sockets, as
			// broadcasts.js
			// does when its socket is open, half with the form, as a page without one
			// does
			// a sixth of them first, unmeasured, so both paths are compiled and warm
			int warmUp = acknowledged.size() / 6;
			screens.acknowledge(acknowledged.subList(0, warmUp / 2), joined.size(), ackInFlight);
			AcknowledgementBurst
				.prepare(kinship, sessions, joined.size(), acknowledged.subList(warmUp / 2, warmUp), launchThreads)
				.run(ackThreads);
			List<Long> measured = acknowledged.subList(warmUp, acknowledged.size());
			System.out.printf("acknowledgement warm-up: %d personas x %d broadcasts, not measured%n", joined.size(),
					warmUp);
			List<Long> overSockets = measured.subList(0, measured.size() / 2);
			List<Long> withForm = measured.subList(measured.size() / 2, measured.size());
			int before = db.acknowledged(overSockets);
			BroadcastScreens.SocketBurst socketBurst = screens.acknowledge(overSockets, joined.size(), ackInFlight);
			int recordedOverSockets = db.acknowledged(overSockets) - before;
			double acksPerSecond = recordedOverSockets / (socketBurst.wallNanos() / 1e9);
			System.out.printf(Locale.ROOT,
					"acknowledgements over the pages' sockets: %d presses (%d personas x %d broadcasts), at most %d "
							+ "unanswered, in %.1f ms; answers %s; %d recorded: %.0f per second (target at least 1,000); "
							+ "press p50 %.1f ms, p99 %.1f ms%n",
					socketBurst.presses(), joined.size(), overSockets.size(), ackInFlight,
					socketBurst.wallNanos() / 1e6, socketBurst.statuses(), recordedOverSockets, acksPerSecond,
					socketBurst.latencies().percentileMillis(50), socketBurst.latencies().percentileMillis(99));

			AcknowledgementBurst burst = AcknowledgementBurst.prepare(kinship, sessions, joined.size(), withForm,
					launchThreads);
			before = db.acknowledged(withForm);
			long wall = burst.run(ackThreads);
			int recorded = db.acknowledged(withForm) - before;
			double formAcksPerSecond = recorded / (wall / 1e9);
			System.out.printf(Locale.ROOT,
					"acknowledgements with the form (pages without a socket): %d presses (%d personas x %d broadcasts) "
							+ "by %d at once in %.1f ms, %d refused; %d recorded: %.0f per second; "
							+ "press p50 %.1f ms, p99 %.1f ms%n",
					burst.presses(), joined.size(), withForm.size(), ackThreads, wall / 1e6, burst.refused(), recorded,
					formAcksPerSecond, burst.latencies().percentileMillis(50), burst.latencies().percentileMillis(99));
			// a page that never had it counts as later than any that did
			String p99 = (missed > open / 100) ? "null"
					: String.format(Locale.ROOT, "%.1f", arrivals.percentileMillis(99));
			System.out.printf(Locale.ROOT,
					"{\"members\":%d,\"online\":%d,\"stored_ms\":%.1f,\"delivered_p99_ms\":%s,\"acks_per_s\":%.0f,"
							+ "\"acks_per_s_form\":%.0f}%n",
					stored, open, storedMs, p99, acksPerSecond, formAcksPerSecond);
		}
	}

	private static List<Seat> joinAll(Community community, String slug) throws Exception {
		List<Seat> joined = new ArrayList<>();
		// one launch at a time: first launches made at once deadlock in MariaDB (see
		// Cast)
		for (String persona : community.personas()) {
			Browser browser = community.launch(persona);
			if (community.join(browser, slug, Community.displayName(joined.size()))) {
				joined.add(new Seat(persona, browser));
			}
		}
		if (joined.isEmpty()) {
			throw new IllegalStateException("No persona could join the group");
		}
		return joined;
	}

	private static List<Browser> sessions(Community community, List<Seat> joined, int count, int threads)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Browser>> launched = new ArrayList<>();
			for (int index = 0; index < count; index++) {
				int current = index;
				launched
					.add(pool.submit((Callable<Browser>) () -> (current < joined.size()) ? joined.get(current).browser()
							: community.launch(joined.get(current % joined.size()).persona())));
			}
			List<Browser> sessions = new ArrayList<>();
			for (Future<Browser> session : launched) {
				sessions.add(session.get());
			}
			return sessions;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long compose(Browser manager, String kinship, long groupId, String title) throws Exception {
		HttpResponse<String> saved = manager.submit(kinship + "/manage/broadcasts/new", "broadcast-form",
				fields(groupId, title, "save"));
		String location = saved.headers().firstValue("Location").orElse("");
		if (saved.statusCode() != 302 || !location.matches(".*/manage/broadcasts/[0-9]+$")) {
			throw new IllegalStateException("Broadcast not saved (" + saved.statusCode() + ")");
		}
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static HttpResponse<String> send(Browser manager, String kinship, long id, long groupId, String title)
			throws Exception {
		Browser.Form form = manager.form(kinship + "/manage/broadcasts/" + id, "broadcast-form");
		HttpResponse<String> sent = manager.post(form, fields(groupId, title, "send"));
		if (sent.statusCode() != 302) {
			throw new IllegalStateException("Broadcast " + id + " not sent (" + sent.statusCode() + ")");
		}
		return sent;
	}

	private static Map<String, String> fields(long groupId, String title, String action) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("body", "Please read: the **clinic** is closed tomorrow. Call the care team if you need help.");
		form.put("priority", "URGENT");
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

	private static void awaitStored(CohortDatabase poller, long id, int cohort, AtomicLong storedAt) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		try {
			while (System.nanoTime() < until) {
				if (poller.recipients(id) >= cohort) {
					storedAt.set(System.nanoTime());
					return;
				}
				Thread.sleep(5);
			}
		}
		catch (Exception ex) {
			System.out.println("  problem: reading the stored recipients: " + ex.getMessage());
		}
	}

	/**
	 * A persona that joined the group.
	 *
	 * @param persona the persona
	 * @param browser the session it joined in
	 */
	private record Seat(String persona, Browser browser) {
	}

}
