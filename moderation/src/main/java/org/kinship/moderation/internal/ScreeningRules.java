package org.kinship.moderation.internal;

import org.kinship.moderation.ScreeningPolicy;

/**
 * Where screening finds a group's rules. One bean of this type, if there is one, replaces
 * {@link #UNTIL_CONFIGURED}; it is called for every message, so it should answer from
 * compiled lists kept in memory, not compile per call.
 */
@FunctionalInterface
public interface ScreeningRules {

	/**
	 * The rules used while no rules bean exists: no watched words, crisis language
	 * delivered and escalated, and the new-member rule off ({@code newMemberPosts} 0, not
	 * the default 2) so that a first post is delivered as chat expects until groups have
	 * their own screening settings.
	 */
	ScreeningRules UNTIL_CONFIGURED = (issuer, groupId) -> new Rules(new ScreeningPolicy(0, false), TermList.empty(),
			TermList.empty());

	/**
	 * The rules of one group.
	 * @param issuer the health system
	 * @param groupId the group
	 * @return its settings and watched words
	 */
	Rules rulesFor(String issuer, long groupId);

	/**
	 * A group's rules.
	 *
	 * @param policy the group's settings
	 * @param global the community's watched words
	 * @param group the group's own watched words
	 */
	record Rules(ScreeningPolicy policy, TermList global, TermList group) {
	}

}
