package org.kinship.moderation;

/**
 * What a watched word does to a message that contains it, as in Discourse.
 */
public enum WatchAction {

	/** The message is refused and the member is told which word. */
	BLOCK,
	/** The word's characters are masked in the stored text; the message goes on. */
	CENSOR,
	/** The message is held for a facilitator to approve. */
	REQUIRE_APPROVAL,
	/** The message is delivered and put in the review queue. */
	FLAG

}
