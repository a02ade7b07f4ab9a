package org.kinship.load;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Members' open pages waiting for broadcasts: one STOMP session per launch session,
 * subscribed to {@code /user/queue/broadcasts} as {@code broadcasts.js} does. Each
 * arrival of the broadcast being watched is timed from its send, once per connection.
 */
final class BroadcastScreens implements AutoCloseable {

	private static final int CONNECTING = 32;

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)");

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	private final WebSocketStompClient client;

	private final List<StompSession> sessions = new ArrayList<>();

	private final Map<String, AtomicInteger> problems = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<String>> pressed = new ConcurrentHashMap<>();

	private volatile Watch watch = new Watch(-1, 0, 0);

	BroadcastScreens() {
		this.heartbeats.setPoolSize(2);
		this.heartbeats.setThreadNamePrefix("stomp-heartbeat-");
		this.heartbeats.setDaemon(true);
		this.heartbeats.initialize();
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(64 * 1024);
		StandardWebSocketClient sockets = new StandardWebSocketClient(container);
		sockets.setUserProperties(Map.of("org.apache.tomcat.websocket.IO_TIMEOUT_MS", "60000"));
		this.client = new WebSocketStompClient(sockets);
		this.client.setInboundMessageSizeLimit(64 * 1024);
		this.client.setTaskScheduler(this.heartbeats);
		this.client.setDefaultHeartbeat(new long[] { 10_000, 10_000 });
	}

	/**
	 * Opens a page per launch session, {@value #CONNECTING} handshakes at a time, and
	 * waits until each has subscribed.
	 * @param url Kinship's {@code /ws} endpoint
	 * @param cookies each page's launch session cookies
	 * @return how many are open
	 */
	int open(String url, List<String> cookies) throws InterruptedException {
		Semaphore connecting = new Semaphore(CONNECTING);
		List<CompletableFuture<StompSession>> connections = new ArrayList<>();
		for (String cookie : cookies) {
			connecting.acquire();
			WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
			handshake.add("Cookie", cookie);
			StompHeaders subscribed = new StompHeaders();
			connections.add(this.client.connectAsync(url, handshake, subscribed, new Problems())
				.thenApply(this::subscribe)
				.orTimeout(60, TimeUnit.SECONDS)
				.whenComplete((done, failure) -> connecting.release()));
		}
		for (CompletableFuture<StompSession> connection : connections) {
			try {
				this.sessions.add(connection.join());
			}
			catch (RuntimeException ex) {
				problem("connect " + ex.getClass().getSimpleName());
			}
		}
		// the SUBSCRIBE frames were sent; give the server a moment to register the last
		Thread.sleep(1000);
		return this.sessions.size();
	}

	/**
	 * Times the arrivals of one broadcast from now on.
	 * @param broadcastId the broadcast
	 * @param sentNanos when its send began ({@link System#nanoTime()})
	 * @return the latencies, filled in as it arrives
	 */
	Latencies watch(long broadcastId, long sentNanos) {
		Watch next = new Watch(broadcastId, sentNanos, this.sessions.size());
		this.watch = next;
		return next.latencies;
	}

	/**
	 * Waits until every open page had the watched broadcast, or the time is up.
	 * @param seconds the most to wait
	 * @return how many pages had it
	 */
	int awaitArrivals(int seconds) throws InterruptedException {
		Watch current = this.watch;
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (current.latencies.count() < current.expected && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		return (int) current.latencies.count();
	}

	List<String> takeProblems() {
		List<String> lines = this.problems.entrySet()
			.stream()
			.map((entry) -> entry.getValue().get() + " x " + entry.getKey())
			.toList();
		this.problems.clear();
		return lines;
	}

	@Override
	public void close() {
		for (StompSession session : this.sessions) {
			if (session.isConnected()) {
				session.disconnect();
			}
		}
		this.client.stop();
		this.heartbeats.shutdown();
	}

	private StompSession subscribe(StompSession session) {
		session.subscribe("/user/queue/broadcasts", new Arrivals());
		session.subscribe("/user/queue/broadcast-acks", new Answers(session.getSessionId()));
		return session;
	}

	/**
	 * Presses "I have read this" on open pages, over their sockets as
	 * {@code broadcasts.js} does: each persona each broadcast once, from page
	 * {@code persona + personas * k}, with at most {@code inFlight} presses waiting for
	 * their answer, and each timed from its frame to its answer.
	 * @param broadcastIds the broadcasts
	 * @param personas how many personas the pages share (page {@code i} is of persona
	 * {@code i % personas})
	 * @param inFlight presses unanswered at once
	 * @return the burst
	 */
	SocketBurst acknowledge(List<Long> broadcastIds, int personas, int inFlight) throws InterruptedException {
		int perPersona = Math.max(1, this.sessions.size() / personas);
		Semaphore window = new Semaphore(inFlight);
		Latencies latencies = new Latencies();
		Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
		List<CompletableFuture<String>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (int b = 0; b < broadcastIds.size(); b++) {
			long id = broadcastIds.get(b);
			for (int persona = 0; persona < personas; persona++) {
				StompSession session = this.sessions
					.get(Math.min(this.sessions.size() - 1, persona + personas * (b % perPersona)));
				window.acquire();
				CompletableFuture<String> answer = new CompletableFuture<>();
				this.pressed.put(session.getSessionId() + ":" + id, answer);
				long sent = System.nanoTime();
				answers.add(answer.orTimeout(30, TimeUnit.SECONDS).whenComplete((status, failure) -> {
					latencies.record(System.nanoTime() - sent);
					statuses.computeIfAbsent((failure != null) ? "no answer" : status, (key) -> new AtomicInteger())
						.incrementAndGet();
					window.release();
				}));
				StompHeaders frame = new StompHeaders();
				frame.setDestination("/app/broadcasts/" + id + "/acknowledge");
				frame.setContentType(MimeTypeUtils.APPLICATION_JSON);
				session.send(frame, "{}".getBytes(StandardCharsets.UTF_8));
			}
		}
		for (CompletableFuture<String> answer : answers) {
			try {
				answer.join();
			}
			catch (RuntimeException ex) {
				// counted as "no answer"
			}
		}
		return new SocketBurst(answers.size(), System.nanoTime() - start, latencies, Map.copyOf(statuses));
	}

	/**
	 * A burst of presses over sockets.
	 *
	 * @param presses how many were sent
	 * @param wallNanos from the first frame to the last answer
	 * @param latencies frame to answer, each
	 * @param statuses how many answers of each status ({@code ACKNOWLEDGED},
	 * {@code FAILED}, {@code NOT_FOUND}, {@code no answer})
	 */
	record SocketBurst(int presses, long wallNanos, Latencies latencies, Map<String, AtomicInteger> statuses) {

		int acknowledged() {
			AtomicInteger count = this.statuses.get("ACKNOWLEDGED");
			return (count != null) ? count.get() : 0;
		}

	}

	private void problem(String what) {
		this.problems.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/** The broadcast being timed. */
	private static final class Watch {

		private final long broadcastId;

		private final long sentNanos;

		private final int expected;

		private final Latencies latencies = new Latencies();

		Watch(long broadcastId, long sentNanos, int expected) {
			this.broadcastId = broadcastId;
			this.sentNanos = sentNanos;
			this.expected = expected;
		}

	}

	/** One page's subscription: notes the watched broadcast's arrival. */
	private final class Arrivals extends StompSessionHandlerAdapter {

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			long now = System.nanoTime();
			Watch current = BroadcastScreens.this.watch;
			if (!(payload instanceof byte[] bytes)) {
				return;
			}
			Matcher id = ID.matcher(new String(bytes, StandardCharsets.UTF_8));
			if (id.find() && Long.parseLong(id.group(1)) == current.broadcastId) {
				current.latencies.record(now - current.sentNanos);
			}
		}

	}

	/** One page's answers to "I have read this". */
	private final class Answers extends StompSessionHandlerAdapter {

		private final String sessionId;

		Answers(String sessionId) {
			this.sessionId = sessionId;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			if (!(payload instanceof byte[] bytes)) {
				return;
			}
			String body = new String(bytes, StandardCharsets.UTF_8);
			Matcher id = ID.matcher(body);
			Matcher status = STATUS.matcher(body);
			if (id.find() && status.find()) {
				CompletableFuture<String> answer = BroadcastScreens.this.pressed
					.remove(this.sessionId + ":" + id.group(1));
				if (answer != null) {
					answer.complete(status.group(1));
				}
			}
		}

	}

	/** ERROR frames and broken connections, for the run's report. */
	private final class Problems extends StompSessionHandlerAdapter {

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			problem("ERROR frame: " + headers.getFirst("message"));
		}

		@Override
		public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
				byte[] payload, Throwable exception) {
			problem("exception " + exception.getClass().getSimpleName());
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			problem("transport " + exception.getClass().getSimpleName());
		}

	}

}
