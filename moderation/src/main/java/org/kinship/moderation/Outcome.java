package org.kinship.moderation;

/** What screening decided. */
public enum Outcome {

	/** Stored and delivered. */
	ALLOW,
	/** Stored and delivered, and put in the review queue. */
	FLAG,
	/** Stored for review, not delivered. */
	HOLD,
	/** Not stored. */
	REFUSE

}
