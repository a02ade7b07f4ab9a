package org.kinship.realtime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.web.socket.CloseStatus;

/**
 * The open pages of this node: what a feature pushes to them, and how it closes them.
 * Everything here reaches this node only; a feature hands what other nodes must show to
 * {@link Relay} and pushes it there from its {@link RelayHandler}. Callers push after
 * commit, so that nothing shown could still roll back. Payloads go out as JSON.
 */
public interface LivePages {

	/**
	 * Sends a payload to the subscribers of a topic through the STOMP broker.
	 * @param destination the topic, such as {@code /topic/groups/7/controls}
	 * @param payload what the pages receive
	 */
	void toTopic(String destination, Object payload);

	/**
	 * Sends a payload to the subscribers of a busy topic, its frame encoded once for all
	 * of them and written by the delivery threads as a binary WebSocket message; returns
	 * at once. Each page gets a topic's payloads in the order they were handed over. For
	 * topics many pages follow, such as a group's messages.
	 * @param destination the topic
	 * @param payload what the pages receive
	 */
	void toFollowers(String destination, Object payload);

	/**
	 * As {@link #toFollowers(String, Object)}, for a payload whose delivery is timed from
	 * when it was stored (the {@code kinship.messages.delivery} timer): a new message.
	 * @param destination the topic
	 * @param payload what the pages receive
	 * @param storedAt when the payload was stored, by the application's clock
	 */
	void toFollowers(String destination, Object payload, Instant storedAt);

	/**
	 * Sends a payload to a user's queue through the broker's user destinations.
	 * @param user the user's name, as their connections are named
	 * @param queue the queue, such as {@code /queue/notices}
	 * @param payload what the pages receive
	 */
	void toUser(String user, String queue, Object payload);

	/**
	 * Sends a payload to a user's queue on each of their open pages at this node, one
	 * message per socket, so that a member with several pages open gets it on all of
	 * them. As {@link #toFollowers(String, Object)}, the frame is encoded once and
	 * written by the delivery threads; returns at once.
	 * @param user the user's name, as their connections are named
	 * @param queue the queue
	 * @param payload what the pages receive
	 * @return how many pages it was sent to
	 */
	default int toEachPageOf(String user, String queue, Object payload) {
		return toEachPageOfAll(List.of(user), queue, payload);
	}

	/**
	 * As {@link #toEachPageOf(String, String, Object)} for many users at once, the frame
	 * encoded once for all of them: a broadcast to every member online.
	 * @param users the users' names, as their connections are named
	 * @param queue the queue
	 * @param payload what the pages receive
	 * @return how many pages it was sent to
	 */
	int toEachPageOfAll(Collection<String> users, String queue, Object payload);

	/**
	 * Closes the open sockets of one person at this node, wherever they launched from.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @param status how the sockets are closed, as the page is told
	 */
	void disconnect(String issuer, String fhirUser, CloseStatus status);

}
