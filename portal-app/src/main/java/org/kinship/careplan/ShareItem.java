package org.kinship.careplan;

/**
 * One goal or activity of the member's plan, as the panel's share link names it.
 *
 * @param kind a goal or an activity
 * @param key the Goal's id, or the activity's key (the plan's id and its place in it)
 */
public record ShareItem(Kind kind, String key) {

	/** What can be shared. */
	public enum Kind {

		/** A goal. */
		GOAL,
		/** A care-plan activity. */
		ACTIVITY

	}

}
