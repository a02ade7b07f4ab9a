package org.kinship.broadcast;

/** How much a broadcast asks of its recipients. */
public enum Priority {

	/** For information: read, no confirmation asked. */
	INFO,
	/** Asks for an explicit "I have read this". */
	IMPORTANT,
	/** Asks for an explicit "I have read this", and is shown again until given. */
	URGENT;

	/**
	 * Whether recipients are asked to confirm they have read it.
	 * @return true for important and urgent broadcasts
	 */
	public boolean asksAcknowledgement() {
		return this != INFO;
	}

}
