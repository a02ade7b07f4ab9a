package org.kinship.load;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One member online: a STOMP session over the member's launch cookie, following one group
 * and its own reply queue, as the group page's script does. Frames are handed to the
 * fleet's current ledger as raw JSON, so that the load generator spends little of the
 * machine it shares with the server.
 */
final class Member {

	/** The index of the member's reply queue among its subscriptions. */
	private static final int REPLIES = 0;

	private final int index;

	private final int group;

	private final long groupId;

	private final Fleet fleet;

	private final BlockingQueue<Integer> acks = new LinkedBlockingQueue<>();

	private volatile StompSockets.@Nullable Session session;

	Member(int index, int group, long groupId, Fleet fleet) {
		this.index = index;
		this.group = group;
		this.groupId = groupId;
		this.fleet = fleet;
	}

	/**
	 * Connects and subscribes.
	 * @param sockets the fleet's STOMP client
	 * @param url the server's {@code /ws} endpoint
	 * @param cookies the launch session's cookies, or {@code null} for a server without
	 * sign-in
	 * @return done once the SUBSCRIBE frames are sent
	 */
	CompletableFuture<Void> connect(StompSockets sockets, String url, @Nullable String cookies) {
		return sockets
			.connect(url, cookies, List.of("/user/queue/replies", "/topic/groups/" + this.groupId), this::shown,
					this.fleet::problem)
			.thenAccept((session) -> this.session = session);
	}

	/**
	 * Sends a booked message to the member's group.
	 * @param ledger the phase's ledger
	 * @param number the booked message
	 * @return false when the session could not take it
	 */
	boolean send(Ledger ledger, int number) {
		StompSockets.Session current = this.session;
		String json = "{\"clientId\":\"" + ledger.clientId(number) + "\",\"text\":\"Message " + number
				+ " of the chat benchmark: how is everyone doing today?\"}";
		ledger.sending(number);
		if (current == null || !current.send("/app/groups/" + this.groupId + "/send", json)) {
			ledger.notSent(number);
			this.fleet.problem("send: not connected");
			return false;
		}
		return true;
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
		StompSockets.Session current = this.session;
		return current != null && current.online();
	}

	void close() {
		StompSockets.Session current = this.session;
		if (current != null) {
			current.close();
		}
	}

	private void shown(int subscription, byte[] json, long readAt) {
		if (subscription == REPLIES) {
			int number = this.fleet.ledger().acknowledged(json);
			if (number >= 0) {
				this.acks.add(number);
			}
		}
		else {
			this.fleet.ledger().delivered(this.index, json, readAt);
		}
	}

}
