package org.kinship.notifications.internal;

import org.kinship.notifications.Immediate;

/**
 * A member's choice for one group, as stored.
 *
 * @param groupId the group
 * @param fhirUser the member
 * @param immediate what is told at once
 * @param digest whether the group is in the daily digest
 * @param nameGroup whether notices may name the group
 */
public record Preference(long groupId, String fhirUser, Immediate immediate, boolean digest, boolean nameGroup) {

	/**
	 * The choice of a member who never made one: replies and mentions, and the digest.
	 * @param groupId the group
	 * @param fhirUser the member
	 * @param nameGroup whether the community names groups unless told not to
	 * @return the default
	 */
	public static Preference byDefault(long groupId, String fhirUser, boolean nameGroup) {
		return new Preference(groupId, fhirUser, Immediate.REPLIES, true, nameGroup);
	}

}
