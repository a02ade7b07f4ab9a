package org.kinship.e2e;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A member's real STOMP client (Spring's {@link WebSocketStompClient}) over the launch
 * session's cookie: what the group page's script does, frame by frame.
 */
final class StompMember implements AutoCloseable {

	/**
	 * A ceiling for an answer from the server: one that a loaded machine stays well
	 * under, reached only when the answer never comes.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final ThreadPoolTaskScheduler HEARTBEATS = heartbeats();

	private final StompSession session;

	private final BlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();

	private final BlockingQueue<Map<String, Object>> history = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	private final Map<Long, BlockingQueue<Map<String, Object>>> groups = new ConcurrentHashMap<>();

	private @Nullable BlockingQueue<Map<String, Object>> acknowledgements;

	private final CompletableFuture<long[]> connectedHeartbeat = new CompletableFuture<>();

	private StompMember(String kinshipUrl, String cookies) throws Exception {
		// catch-up replies carry up to a page of messages: more than a socket's default 8
		// KB; group messages come as binary WebSocket messages
		jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
		container.setDefaultMaxBinaryMessageBufferSize(4 * 1024 * 1024);
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
		client.setInboundMessageSizeLimit(4 * 1024 * 1024);
		client.setMessageConverter(new JacksonJsonMessageConverter());
		client.setTaskScheduler(HEARTBEATS);
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookies);
		this.session = client
			.connectAsync(kinshipUrl.replace("http", "ws") + "/ws", handshake, new StompHeaders(), new Errors())
			.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		subscribe("/user/queue/replies", this.replies);
		subscribe("/user/queue/history", this.history);
	}

	static StompMember connect(RunningKinship system, LaunchedPerson person) throws Exception {
		return new StompMember(system.kinshipUrl(), person.kinshipCookies());
	}

	static StompMember connect(LaunchedPerson person) throws Exception {
		return new StompMember(person.kinshipUrl(), person.kinshipCookies());
	}

	/**
	 * Every reply as it arrives, for a test that sends without waiting.
	 * @return the replies
	 */
	BlockingQueue<Map<String, Object>> replies() {
		return this.replies;
	}

	/**
	 * Asks to follow a group without waiting: for a subscription that should be refused.
	 */
	void askToFollow(long groupId) {
		subscribe("/topic/groups/" + groupId, new LinkedBlockingQueue<>());
	}

	BlockingQueue<Map<String, Object>> follow(long groupId) {
		BlockingQueue<Map<String, Object>> received = this.groups.computeIfAbsent(groupId,
				(id) -> new LinkedBlockingQueue<>());
		subscribe("/topic/groups/" + groupId, received);
		awaitSubscribed(groupId);
		return received;
	}

	/**
	 * Waits until the subscriptions made so far are live: frames of a session are handled
	 * in order, so once the answer to a catch-up asked after them is back, they are.
	 * @param groupId a group of this member's
	 */
	void awaitSubscribed(long groupId) {
		try {
			since(groupId, Long.MAX_VALUE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Follows what facilitators decide about this member's messages.
	 * @return the notices
	 */
	BlockingQueue<Map<String, Object>> followNotices() {
		BlockingQueue<Map<String, Object>> notices = new LinkedBlockingQueue<>();
		subscribe("/user/queue/notices", notices);
		return notices;
	}

	/**
	 * Asks to follow a group's review queue without waiting: for a refused subscription.
	 */
	void askToFollowReview(long groupId) {
		subscribe("/topic/review/" + groupId, new LinkedBlockingQueue<>());
	}

	/**
	 * Follows a group's review queue, as its staff's queue page does.
	 * @param groupId the group
	 * @return the signals that the queue changed
	 */
	BlockingQueue<Map<String, Object>> followReview(long groupId) {
		BlockingQueue<Map<String, Object>> signals = new LinkedBlockingQueue<>();
		subscribe("/topic/review/" + groupId, signals);
		awaitSubscribed(groupId);
		return signals;
	}

	void send(long groupId, String clientId, String text) {
		this.session.send("/app/groups/" + groupId + "/send", Map.of("clientId", clientId, "text", text));
	}

	/**
	 * Sends a frame over the server's limit. The server refuses it as soon as it has read
	 * more than the limit and closes the socket, which may be before this client has
	 * written the rest: a write cut short is what is expected then.
	 */
	void sendOversized(long groupId, String text) {
		try {
			send(groupId, UUID.randomUUID().toString(), text);
		}
		catch (org.springframework.messaging.MessageDeliveryException ex) {
			// the server closed the socket mid-frame; its ERROR frame came first
		}
	}

	Map<String, Object> change(long groupId, Map<String, Object> command) throws InterruptedException {
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> withId = new java.util.HashMap<>(command);
		withId.put("requestId", requestId);
		this.session.send("/app/groups/" + groupId + "/change", withId);
		return reply(requestId);
	}

	BlockingQueue<Map<String, Object>> followActivity(long groupId) {
		BlockingQueue<Map<String, Object>> activity = new LinkedBlockingQueue<>();
		subscribe("/topic/groups/" + groupId + "/activity", activity);
		awaitSubscribed(groupId);
		return activity;
	}

	/**
	 * Follows the changes of a group's controls (pins, lock, slow mode, live sessions).
	 * @param groupId the group
	 * @return one entry per change, as the page's script receives it
	 */
	BlockingQueue<Map<String, Object>> followControls(long groupId) {
		BlockingQueue<Map<String, Object>> changes = new LinkedBlockingQueue<>();
		subscribe("/topic/groups/" + groupId + "/controls", changes);
		awaitSubscribed(groupId);
		return changes;
	}

	void showOnline(long groupId, boolean visible) {
		this.session.send("/app/groups/" + groupId + "/presence", Map.of("visible", visible));
	}

	void typing(long groupId) {
		this.session.send("/app/groups/" + groupId + "/typing", Map.of());
	}

	void markRead(long groupId, long seq) {
		this.session.send("/app/groups/" + groupId + "/read", Map.of("afterSeq", seq));
	}

	Map<String, Object> sendAndAwait(long groupId, String clientId, String text) throws InterruptedException {
		send(groupId, clientId, text);
		return reply(clientId);
	}

	Map<String, Object> reply(String clientId) throws InterruptedException {
		long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> reply = this.replies.poll(200, TimeUnit.MILLISECONDS);
			if (reply != null && clientId.equals(reply.get("clientId"))) {
				return reply;
			}
		}
		throw new AssertionError("No reply for " + clientId);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> since(long groupId, long afterSeq) throws InterruptedException {
		this.session.send("/app/groups/" + groupId + "/since", Map.of("afterSeq", afterSeq));
		Map<String, Object> reply = this.history.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		if (reply == null) {
			throw new AssertionError("No catch-up reply");
		}
		return (List<Map<String, Object>>) reply.get("messages");
	}

	/**
	 * The reason of the next refusal of a frame that carried no id of the client's own (a
	 * subscription, a catch-up), on the reply queue: the socket stays open.
	 * @return the reason
	 */
	String refusal() throws InterruptedException {
		long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> reply = this.replies.poll(200, TimeUnit.MILLISECONDS);
			if (reply != null && "REFUSED".equals(reply.get("outcome")) && reply.get("clientId") == null
					&& reply.get("requestId") == null) {
				return String.valueOf(reply.get("reason"));
			}
		}
		throw new AssertionError("No refusal; errors: " + this.errors);
	}

	String error() throws InterruptedException {
		String error = this.errors.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		if (error == null) {
			throw new AssertionError("No ERROR frame");
		}
		return error;
	}

	boolean connected() {
		return this.session.isConnected();
	}

	@Override
	public void close() {
		try {
			if (this.session.isConnected()) {
				this.session.disconnect();
			}
		}
		catch (RuntimeException ex) {
			// the server closed it first, as it does after an ERROR frame
		}
	}

	/**
	 * Presses "I have read this" over the socket, as the broadcast page's script does
	 * when its socket is open, and waits for the answer.
	 * @param broadcastId the broadcast
	 * @return the answer: {@code id}, {@code status} and {@code text}
	 */
	Map<String, Object> acknowledgeBroadcast(long broadcastId) throws InterruptedException {
		if (this.acknowledgements == null) {
			this.acknowledgements = new LinkedBlockingQueue<>();
			subscribe("/user/queue/broadcast-acks", this.acknowledgements);
		}
		this.session.send("/app/broadcasts/" + broadcastId + "/acknowledge", Map.of());
		Map<String, Object> answer = this.acknowledgements.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		if (answer == null) {
			throw new AssertionError("No answer to the acknowledgement; errors: " + this.errors);
		}
		return answer;
	}

	/**
	 * Follows the member's own broadcasts queue.
	 * @return what arrives there
	 */
	BlockingQueue<Map<String, Object>> broadcasts() {
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		subscribe("/user/queue/broadcasts", received);
		return received;
	}

	private void subscribe(String destination, BlockingQueue<Map<String, Object>> into) {
		this.session.subscribe(destination, new StompSessionHandlerAdapter() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return Map.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders headers, Object payload) {
				into.add((Map<String, Object>) payload);
			}

		});
	}

	/**
	 * The heart-beats Kinship's {@code CONNECTED} frame settled on: how often the node
	 * sends one, and how often it wants one.
	 * @return the two intervals in milliseconds
	 */
	long[] connectedHeartbeat() throws Exception {
		return this.connectedHeartbeat.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
	}

	private static ThreadPoolTaskScheduler heartbeats() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("stomp-test-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		return scheduler;
	}

	/** Keeps ERROR frames and transport failures for the test to see. */
	private final class Errors extends StompSessionHandlerAdapter {

		@Override
		public void afterConnected(StompSession session, StompHeaders connectedHeaders) {
			StompMember.this.connectedHeartbeat.complete(connectedHeaders.getHeartbeat());
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			StompMember.this.errors.add(String.valueOf(headers.get("message")) + " " + payload);
		}

		@Override
		public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			StompMember.this.errors.add("exception " + exception.getMessage());
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			StompMember.this.errors.add("transport " + exception.getClass().getSimpleName());
		}

	}

}
