package org.kinship.groups;

import java.time.Instant;

/**
 * One person's place in a group, as other members see it: the chosen name and badges,
 * never a diagnosis or a record reference.
 *
 * @param groupId the group
 * @param fhirUser the member (shown to nobody but the member and the group's staff)
 * @param displayName the name the member chose
 * @param caregiverBadge whether the member shows a caregiver badge
 * @param clinicianBadge whether the member launched as a clinician
 * @param status active, or pending a facilitator's approval
 * @param joinedAt when the member joined or asked to
 * @param peerMentor whether a community manager appointed the member a peer mentor of the
 * group
 */
public record Membership(long groupId, String fhirUser, String displayName, boolean caregiverBadge,
		boolean clinicianBadge, MembershipStatus status, Instant joinedAt, boolean peerMentor) {

	/**
	 * A membership of someone who is not a peer mentor.
	 * @param groupId the group
	 * @param fhirUser the member
	 * @param displayName the name the member chose
	 * @param caregiverBadge whether the member shows a caregiver badge
	 * @param clinicianBadge whether the member launched as a clinician
	 * @param status active, or pending a facilitator's approval
	 * @param joinedAt when the member joined or asked to
	 */
	public Membership(long groupId, String fhirUser, String displayName, boolean caregiverBadge, boolean clinicianBadge,
			MembershipStatus status, Instant joinedAt) {
		this(groupId, fhirUser, displayName, caregiverBadge, clinicianBadge, status, joinedAt, false);
	}

	/** Whether a membership counts yet. */
	public enum MembershipStatus {

		/** A member. */
		ACTIVE,
		/** Asked to join an unlisted group; waiting for a facilitator. */
		PENDING

	}

}
