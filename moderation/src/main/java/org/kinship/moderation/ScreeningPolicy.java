package org.kinship.moderation;

/**
 * A group's screening settings.
 *
 * @param newMemberPosts how many first posts of a member (not staff) are held for review;
 * {@code 0} turns the new-member rule off, links included
 * @param holdCrisis whether a message in crisis language is held for a facilitator
 * instead of delivered (it is escalated either way)
 */
public record ScreeningPolicy(int newMemberPosts, boolean holdCrisis) {

	/**
	 * Validates the settings.
	 * @param newMemberPosts how many first posts are held, not negative
	 * @param holdCrisis whether crisis language is held
	 */
	public ScreeningPolicy {
		if (newMemberPosts < 0) {
			throw new IllegalArgumentException("newMemberPosts must not be negative");
		}
	}

	/**
	 * The settings of a new group: a member's first two posts are reviewed, crisis
	 * language is delivered and escalated.
	 * @return the defaults
	 */
	public static ScreeningPolicy defaults() {
		return new ScreeningPolicy(2, false);
	}

}
