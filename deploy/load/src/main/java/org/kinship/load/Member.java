package org.kinship.load;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * One member online: a STOMP session over the member's launch cookie, following one group
 * and its own reply queue, as the group page's script does. Frames are handed to the
 * fleet's current ledger as raw JSON, so that the load generator spends little of the
 * machine it shares with the server.
 */
final class Member {

	private final int index;

	private final int group;

	private final long groupId;

	private final Fleet fleet;

	private final BlockingQueue<Integer> acks = new LinkedBlockingQueue<>();

	private volatile @Nullable StompSession session;

	Member(int index, int group, long groupId, Fleet fleet) {
		this.index = index;
		this.group = group;
		this.groupId = groupId;
		this.fleet = fleet;
	}

	/**
	 * Connects and subscribes.
	 * @param client the fleet's STOMP client
	 * @param url the server's {@code /ws} endpoint
	 * @param cookies the launch session's cookies, or {@code null} for a server without
	 * sign-in
	 * @return done once the SUBSCRIBE frames are sent
	 */
	CompletableFuture<Void> connect(WebSocketStompClient client, String url, @Nullable String cookies) {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		if (cookies != null) {
			handshake.add("Cookie", cookies);
		}
		return client.connectAsync(url, handshake, new StompHeaders(), new Problems()).thenAccept((session) -> {
			this.session = session;
			session.subscribe("/user/queue/replies", new Frames(this::replied));
			session.subscribe("/topic/groups/" + this.groupId, new Frames(this::shown));
		});
	}

	/**
	 * Sends a booked message to the member's group.
	 * @param ledger the phase's ledger
	 * @param number the booked message
	 * @return false when the session could not take it
	 */
	boolean send(Ledger ledger, int number) {
		StompSession current = this.session;
		String json = "{\"clientId\":\"" + ledger.clientId(number) + "\",\"text\":\"Message " + number
				+ " of the chat benchmark: how is everyone doing today?\"}";
		StompHeaders headers = new StompHeaders();
		headers.setDestination("/app/groups/" + this.groupId + "/send");
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		try {
			if (current == null) {
				throw new IllegalStateException("not connected");
			}
			ledger.sending(number);
			current.send(headers, json.getBytes(StandardCharsets.UTF_8));
			return true;
		}
		catch (RuntimeException ex) {
			ledger.notSent(number);
			this.fleet.problem("send " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return false;
		}
	}

	/**
	 * Waits for the next reply to one of this member's sends.
	 * @param millis how long to wait
	 * @return the message's number, or {@code null} after the wait
	 */
	@Nullable Integer nextAck(long millis) throws InterruptedException {
		return this.acks.poll(millis, TimeUnit.MILLISECONDS);
	}

	void forgetAcks() {
		this.acks.clear();
	}

	int group() {
		return this.group;
	}

	boolean online() {
		StompSession current = this.session;
		return current != null && current.isConnected();
	}

	void close() {
		StompSession current = this.session;
		if (current != null && current.isConnected()) {
			current.disconnect();
		}
	}

	private void replied(byte[] json) {
		int number = this.fleet.ledger().acknowledged(json);
		if (number >= 0) {
			this.acks.add(number);
		}
	}

	private void shown(byte[] json) {
		this.fleet.ledger().delivered(this.index, json, System.nanoTime());
	}

	/** Hands each frame of a subscription on as its raw bytes. */
	private static final class Frames extends StompSessionHandlerAdapter {

		private final java.util.function.Consumer<byte[]> into;

		Frames(java.util.function.Consumer<byte[]> into) {
			this.into = into;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			if (payload instanceof byte[] bytes) {
				this.into.accept(bytes);
			}
		}

	}

	/** ERROR frames and broken connections, for the run's report. */
	private final class Problems extends StompSessionHandlerAdapter {

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			Member.this.fleet.problem("ERROR frame: " + headers.getFirst("message"));
		}

		@Override
		public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
				byte[] payload, Throwable exception) {
			Member.this.fleet.problem("exception " + exception.getClass().getSimpleName());
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			Member.this.fleet.problem("transport " + exception.getClass().getSimpleName());
		}

	}

}
