package org.kinship.notifications;

/**
 * A member's notification choice for one group.
 *
 * @param groupId the group
 * @param groupName the group's name, for the member's own settings page
 * @param immediate what is told at once
 * @param digest whether the group is in the daily digest
 * @param nameGroup whether notices may name the group
 */
public record GroupChoice(long groupId, String groupName, Immediate immediate, boolean digest, boolean nameGroup) {

	/**
	 * The choice as the page offers it: every message, replies and mentions, the daily
	 * digest only, or nothing.
	 * @return {@code every}, {@code replies}, {@code digest} or {@code nothing}
	 */
	public String level() {
		return switch (this.immediate) {
			case EVERY -> "every";
			case REPLIES -> "replies";
			case NONE -> this.digest ? "digest" : "nothing";
		};
	}

}
