package org.kinship.realtime;

/**
 * Hands a feature's payload to the other nodes, where the {@link RelayHandler} of its
 * type receives it. With Redis fan-out off there are no other nodes, and nothing is sent.
 * Sending happens off the caller's thread and may be lost (Redis down, a restart): what
 * travels is never the only copy, since clients catch up from the database.
 */
public interface Relay {

	/**
	 * Sends a payload to the other nodes; returns at once.
	 * @param type the payload's type, as its handler names it
	 * @param payload the payload, written as JSON
	 */
	void toOtherNodes(String type, Object payload);

}
