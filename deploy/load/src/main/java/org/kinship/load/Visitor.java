package org.kinship.load;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kinship.load.Mix.Action;

/**
 * One active member of the capacity benchmark: a launch session, and a socket that
 * follows what the group page follows. The member does one action at a time from the
 * {@link Mix}, thinks, and does the next; each page request and each action is timed into
 * the books of the phase it ends in.
 */
final class Visitor {

	private static final int REPLIES = 0;

	private static final int HISTORY = 1;

	private static final int ACKS = 2;

	private static final int TOPIC = 5;

	private static final long ANSWER_SECONDS = 10;

	private static final String JSON = "application/json";

	private static final Pattern CAREPLAN = Pattern.compile("data-careplan-src=\"([^\"]+)\"");

	private static final Pattern FIRST_PAGE = Pattern.compile("id=\"chat-first-page\"[^>]*>([^<]*)</script>");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)");

	private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*([0-9]+)");

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	/** An action with nothing to act on yet: no message seen, no broadcast sent. */
	private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

	private final int group;

	private final GroupPlace place;

	private final Browser browser;

	private final Crowd crowd;

	private volatile int index = -1;

	private volatile StompSockets.@Nullable Session session;

	private volatile byte @Nullable [] lastMessage;

	private volatile @Nullable Boolean hasCarePlan;

	private volatile @Nullable Awaited awaited;

	private int requests;

	private boolean reacted;

	/**
	 * @param group the member's group, by its index in the run
	 * @param place the group's slug and id
	 * @param browser the member's launch session
	 * @param crowd the run
	 */
	Visitor(int group, GroupPlace place, Browser browser, Crowd crowd) {
		this.group = group;
		this.place = place;
		this.browser = browser;
		this.crowd = crowd;
	}

	/**
	 * Opens the socket and follows what the group page follows, once Kinship has said
	 * that every subscription is in place.
	 * @return done when subscribed
	 */
	CompletableFuture<Void> connect() {
		long id = this.place.id();
		List<String> destinations = List.of("/user/queue/replies", "/user/queue/history", "/user/queue/broadcast-acks",
				"/user/queue/broadcasts", "/user/queue/notices", "/topic/groups/" + id,
				"/topic/groups/" + id + "/activity", "/topic/groups/" + id + "/controls");
		return this.crowd.sockets()
			.connect(this.crowd.socketUrl(), this.browser.cookieHeader(), destinations, this::shown,
					(problem) -> this.crowd.error("socket: " + problem), true)
			.thenAccept((opened) -> this.session = opened);
	}

	void joined(int place) {
		this.index = place;
	}

	int group() {
		return this.group;
	}

	boolean online() {
		StompSockets.Session current = this.session;
		return current != null && current.online();
	}

	void close() {
		StompSockets.Session current = this.session;
		if (current != null) {
			current.close();
		}
	}

	/** Does one action of the mix, then thinks and does the next. */
	void act() {
		Action action = Mix.pick(ThreadLocalRandom.current().nextDouble());
		long start = System.nanoTime();
		CompletableFuture<Void> done;
		try {
			done = start(action);
		}
		catch (RuntimeException ex) {
			done = CompletableFuture.failedFuture(ex);
		}
		if (done == NOTHING_TO_DO) {
			this.crowd.afterThinking(this::act);
			return;
		}
		done.whenComplete((ignored, failure) -> {
			StepBook book = this.crowd.book();
			book.action(action, System.nanoTime() - start);
			if (failure != null) {
				book.error(describe(action, failure));
			}
			this.crowd.afterThinking(this::act);
		});
	}

	private CompletableFuture<Void> start(Action action) {
		return switch (action) {
			case OPEN_GROUP -> openGroup();
			case HISTORY_PAGE -> page(messagesUrl() + "?before=" + Math.max(1, lastSeq() - 20), JSON).thenRun(() -> {
			});
			case MARK_READ -> markRead();
			case SEND -> send();
			case REACT -> react();
			case CARE_PLAN -> carePlan();
			case ACKNOWLEDGE -> acknowledge();
		};
	}

	// the care-plan tab, which only a patient's or caregiver's group page has (staff see
	// none, and are answered 404): a member who has not opened the group yet opens it
	// first, and learns from the page whether the tab is there
	private CompletableFuture<Void> carePlan() {
		Boolean known = this.hasCarePlan;
		if (known == null) {
			return openGroup();
		}
		if (!known) {
			return NOTHING_TO_DO;
		}
		return page(this.crowd.kinshipUrl() + "/groups/" + this.place.slug() + "/care-plan/panel", "text/html")
			.thenRun(() -> {
			});
	}

	// the page, then what its scripts ask for at once, then the socket's catch-up and
	// read marker
	private CompletableFuture<Void> openGroup() {
		String base = this.crowd.kinshipUrl();
		return page(base + "/groups/" + this.place.slug(), "text/html").thenCompose((html) -> {
			this.hasCarePlan = html.contains("id=\"tab-care-plan\"") || html.contains("id=\"care-plan\"");
			Matcher panel = CAREPLAN.matcher(html);
			CompletableFuture<String> carePlan = panel.find() ? page(base + panel.group(1), "text/html")
					: CompletableFuture.completedFuture("");
			// the newest messages come written into the page, as the browser reads them;
			// asked for only from a page without them
			Matcher written = FIRST_PAGE.matcher(html);
			CompletableFuture<Void> latest = NOTHING_TO_DO;
			if (written.find()) {
				latestOf(written.group(1));
			}
			else {
				latest = page(messagesUrl(), JSON).thenAccept(this::latestOf);
			}
			// the controls too, on a page that has them; asked for otherwise
			CompletableFuture<?> controls = html.contains("id=\"chat-controls\"") ? NOTHING_TO_DO
					: page(base + "/chat/groups/" + this.place.id() + "/controls", JSON);
			return CompletableFuture.allOf(latest, controls, carePlan);
		})
			.thenCompose((ignored) -> ask("since", "/app/groups/" + this.place.id() + "/since",
					"{\"afterSeq\":" + lastSeq() + "}"))
			.thenCompose((ignored) -> markRead());
	}

	private CompletableFuture<Void> markRead() {
		return frame("/app/groups/" + this.place.id() + "/read", "{\"afterSeq\":" + lastSeq() + "}");
	}

	private CompletableFuture<Void> send() {
		Ledger ledger = this.crowd.ledger();
		int number = ledger.book(this.group);
		if (number < 0) {
			return NOTHING_TO_DO;
		}
		String clientId = ledger.clientId(number);
		String json = "{\"clientId\":\"" + clientId + "\",\"text\":\"Message " + number
				+ " of the capacity benchmark: how is everyone doing today?\"}";
		ledger.sending(number);
		return ask(clientId, "/app/groups/" + this.place.id() + "/send", json).thenAccept((outcome) -> {
			if (!"STORED".equals(outcome)) {
				throw new IllegalStateException("send answered " + outcome);
			}
		});
	}

	private CompletableFuture<Void> react() {
		byte[] last = this.lastMessage;
		Matcher id = (last != null) ? ID.matcher(new String(last, StandardCharsets.UTF_8)) : null;
		if (id == null || !id.find()) {
			return NOTHING_TO_DO;
		}
		// given, then taken back, then given again, as a member changes their mind
		this.reacted = !this.reacted;
		String requestId = "react-" + this.index + "-" + (++this.requests);
		String json = "{\"requestId\":\"" + requestId + "\",\"kind\":\"react\",\"messageId\":" + id.group(1)
				+ ",\"emoji\":\"\uD83D\uDC4D\",\"on\":" + this.reacted + "}";
		return ask(requestId, "/app/groups/" + this.place.id() + "/change", json).thenAccept((outcome) -> {
			if (!"CHANGED".equals(outcome)) {
				throw new IllegalStateException("reaction answered " + outcome);
			}
		});
	}

	private CompletableFuture<Void> acknowledge() {
		long broadcast = this.crowd.broadcastOf(this.group);
		if (broadcast < 0) {
			return NOTHING_TO_DO;
		}
		return ask("broadcast-" + broadcast, "/app/broadcasts/" + broadcast + "/acknowledge", "{}")
			.thenAccept((status) -> {
				if (!"ACKNOWLEDGED".equals(status)) {
					throw new IllegalStateException("acknowledgement answered " + status);
				}
			});
	}

	/**
	 * A page request, timed into the page figures whatever its answer.
	 * @return the page's body, or failed when the answer was not 200
	 */
	private CompletableFuture<String> page(String url, String accept) {
		long start = System.nanoTime();
		return this.browser.fetch(url, accept).thenApply((response) -> {
			this.crowd.book().page(System.nanoTime() - start);
			return ok(response, url);
		});
	}

	private static String ok(HttpResponse<String> response, String url) {
		if (response.statusCode() != 200) {
			// the path's shape, not its slug or ids
			String path = url.replaceFirst("^https?://[^/]+", "").replaceAll("[0-9]+", "N").replaceAll("\\?.*", "");
			throw new IllegalStateException("GET " + path.replaceFirst("^/groups/[^/]+", "/groups/SLUG") + " answered "
					+ response.statusCode());
		}
		return response.body();
	}

	/**
	 * A frame the page sends and waits for the answer to, on the queue that answers it.
	 * @param key what the answer names: a client id, a request id, a broadcast, or
	 * {@code since} for a catch-up
	 * @return the answer's outcome or status
	 */
	private CompletableFuture<String> ask(String key, String destination, String json) {
		Awaited answer = new Awaited(key, new CompletableFuture<>());
		this.awaited = answer;
		return frame(destination, json).thenCompose((sent) -> answer.outcome())
			.orTimeout(ANSWER_SECONDS, TimeUnit.SECONDS);
	}

	private CompletableFuture<Void> frame(String destination, String json) {
		StompSockets.Session current = this.session;
		if (current == null || !current.send(destination, json)) {
			return CompletableFuture.failedFuture(new IllegalStateException("socket closed"));
		}
		return CompletableFuture.completedFuture(null);
	}

	private void shown(int subscription, byte[] json, long readAt) {
		switch (subscription) {
			case REPLIES -> replied(json);
			case HISTORY -> answered("since", "");
			case ACKS -> acknowledged(json);
			case TOPIC -> delivered(json, readAt);
			default -> {
				// broadcasts, notices, who is online, controls: the page shows them
			}
		}
	}

	private void replied(byte[] json) {
		String reply = new String(json, StandardCharsets.UTF_8);
		String key = field(reply, "\"clientId\":\"");
		String outcome = field(reply, "\"outcome\":\"");
		if (this.crowd.ledger().acknowledged(json) < 0) {
			Ledger previous = this.crowd.previous();
			if (previous != null) {
				previous.acknowledged(json);
			}
		}
		if (!answered(key, outcome) && ("REFUSED".equals(outcome) || "FAILED".equals(outcome))) {
			this.crowd.error("a frame answered " + outcome);
		}
	}

	private void acknowledged(byte[] json) {
		String answer = new String(json, StandardCharsets.UTF_8);
		Matcher id = ID.matcher(answer);
		Matcher status = STATUS.matcher(answer);
		if (id.find() && status.find()) {
			answered("broadcast-" + id.group(1), status.group(1));
		}
	}

	private void delivered(byte[] json, long readAt) {
		this.lastMessage = json;
		int place = this.index;
		if (place < 0) {
			return;
		}
		if (!this.crowd.ledger().deliveredIfOwn(place, json, readAt)) {
			Ledger previous = this.crowd.previous();
			if (previous != null) {
				previous.deliveredIfOwn(place, json, readAt);
			}
		}
	}

	/**
	 * Keeps the newest message of a history page (oldest first) as the last one seen,
	 * when it is newer, so that a member who has not yet seen a message live can react to
	 * one.
	 */
	private void latestOf(String history) {
		int newest = history.lastIndexOf("{\"id\":");
		if (newest >= 0) {
			byte[] message = history.substring(newest).getBytes(StandardCharsets.UTF_8);
			if (seqOf(message) > lastSeq()) {
				this.lastMessage = message;
			}
		}
	}

	private boolean answered(String key, String outcome) {
		Awaited current = this.awaited;
		if (current != null && current.key().equals(key)) {
			this.awaited = null;
			current.outcome().complete(outcome);
			return true;
		}
		return false;
	}

	private long lastSeq() {
		byte[] last = this.lastMessage;
		return (last != null) ? seqOf(last) : 0;
	}

	private static long seqOf(byte[] message) {
		Matcher seq = SEQ.matcher(new String(message, StandardCharsets.UTF_8));
		return seq.find() ? Long.parseLong(seq.group(1)) : 0;
	}

	private String messagesUrl() {
		return this.crowd.kinshipUrl() + "/chat/groups/" + this.place.id() + "/messages";
	}

	private static String describe(Action action, Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String what = (cause instanceof java.util.concurrent.TimeoutException) ? "no answer within 10 s"
				: (cause instanceof IllegalStateException) ? cause.getMessage() : cause.getClass().getSimpleName();
		return action.label() + ": " + what;
	}

	private static String field(String json, String start) {
		int from = json.indexOf(start);
		if (from < 0) {
			return "";
		}
		from += start.length();
		int to = json.indexOf('"', from);
		return (to < 0) ? "" : json.substring(from, to);
	}

	/**
	 * A group as the run knows it.
	 *
	 * @param slug its address
	 * @param id the id chat frames name
	 */
	record GroupPlace(String slug, long id) {
	}

	/**
	 * The one answer a member waits for.
	 *
	 * @param key what the answer names
	 * @param outcome completed with the answer's outcome
	 */
	private record Awaited(String key, CompletableFuture<String> outcome) {
	}

}
