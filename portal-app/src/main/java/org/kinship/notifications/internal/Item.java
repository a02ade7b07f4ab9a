package org.kinship.notifications.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One notice for one person.
 *
 * @param id the stored id (0 before it is stored)
 * @param issuer the health system
 * @param fhirUser the person told
 * @param groupId the group, or {@code null}
 * @param kind what it is about
 * @param urgent whether it may be sent during quiet hours
 * @param createdAt when it happened
 * @param subjectId the broadcast a reminder is about, or {@code null}
 */
public record Item(long id, String issuer, String fhirUser, @Nullable Long groupId, Kind kind, boolean urgent,
		Instant createdAt, @Nullable Long subjectId) {

	/** What a notice is about; each is counted, never described. */
	public enum Kind {

		/** A reply to the person's message. */
		REPLY,
		/** A mention of the person's name. */
		MENTION,
		/** A message in a group the person follows in full. */
		MESSAGE,
		/** A facilitator's decision about the person's post. */
		DECISION,
		/** An answer to the person's request to join. */
		JOIN_ANSWER,
		/** An urgent escalation in a group the person facilitates or manages. */
		ESCALATION,
		/** A live session starting in a group the person joined. */
		SESSION,
		/** An important or urgent broadcast the person has not acknowledged yet. */
		BROADCAST,
		/** An item waiting in the review queue of a group the person looks after. */
		REVIEW,
		/** A clinician's referral of the person to a group or a program. */
		REFERRAL,
		/** A program's session the person holds a place in starts soon. */
		PROGRAM_SESSION,
		/** A program the person keeps ends soon. */
		PROGRAM_ENDING;

		/**
		 * @return whether the person need not be a member of the group to be told (staff,
		 * one who asked to join, a broadcast's recipient, a patient referred, a program's
		 * member or owner)
		 */
		boolean outsideMembership() {
			return this == JOIN_ANSWER || this == ESCALATION || this == BROADCAST || this == REVIEW || this == REFERRAL
					|| this == PROGRAM_SESSION || this == PROGRAM_ENDING;
		}

	}

}
