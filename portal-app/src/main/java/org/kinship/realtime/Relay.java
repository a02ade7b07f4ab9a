package org.kinship.realtime;

/**
 * Hands a feature's payload to the other nodes, where the {@link RelayHandler} of its
 * type receives it. With Redis fan-out off there are no other nodes, and nothing is sent.
 * Sending happens off the caller's thread and may be lost (Redis down, a restart): what
 * travels is never the only copy, since clients catch up from the database.
 * <p>
 * What only the followers of one topic show (a group's messages) goes with
 * {@link #toFollowersOf}, and reaches only the nodes where a page follows that topic;
 * what every node may need (a sanction, a private message) goes with
 * {@link #toOtherNodes}. Payloads sent either way by one node reach another in the order
 * they were sent.
 */
public interface Relay {

	/**
	 * Sends a payload to the other nodes; returns at once.
	 * @param type the payload's type, as its handler names it
	 * @param payload the payload, written as JSON
	 */
	void toOtherNodes(String type, Object payload);

	/**
	 * Sends a payload to the other nodes where at least one open page follows a topic,
	 * and to no other; returns at once. A node starts hearing a topic when its first page
	 * subscribes to it, before that subscription is confirmed, so a page that subscribes
	 * and then catches up from the database misses nothing.
	 * @param topic the topic whose followers show the payload, such as
	 * {@code /topic/groups/7}
	 * @param type the payload's type, as its handler names it
	 * @param payload the payload, written as JSON
	 */
	void toFollowersOf(String topic, String type, Object payload);

}
