package org.kinship.launch;

/**
 * Rights that Kinship itself grants, never taken from a launch or a request.
 */
public enum CommunityRight {

	/** Creates groups, defines cohorts, sends broadcasts, grants rights. */
	COMMUNITY_MANAGER,
	/** Moderates groups, works the review queue, leads live sessions. */
	FACILITATOR

}
