package org.kinship.moderation;

/**
 * How a facilitator closed an urgent escalation or a "please look" item, recorded with
 * who and when ({@link Escalations#recordOutcome}).
 */
public enum CrisisOutcome {

	/** A facilitator reached the member and talked with them. */
	REACHED("reached the member"),
	/** The member was referred to their care team or crisis services. */
	REFERRED("referred to care or crisis services"),
	/** A facilitator looked and found no risk. */
	NO_RISK("no risk found");

	private final String words;

	CrisisOutcome(String words) {
		this.words = words;
	}

	/**
	 * The outcome in words for the moderation log.
	 * @return for example {@code reached the member}
	 */
	public String words() {
		return this.words;
	}

}
