package org.kinship.notifications;

/** What a member is told at once about a group, besides the daily digest. */
public enum Immediate {

	/** Every message posted in the group. */
	EVERY,
	/** Replies to the member's messages and mentions of their name (the default). */
	REPLIES,
	/** Nothing at once. */
	NONE

}
