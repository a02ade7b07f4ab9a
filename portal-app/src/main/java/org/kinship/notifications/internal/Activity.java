package org.kinship.notifications.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened and may concern members, as the outbox keeps it: ids and names
 * members chose, never text.
 *
 * @param id the outbox row
 * @param issuer the health system
 * @param groupId the group, or {@code null}
 * @param kind what happened
 * @param messageId the message, or {@code null}
 * @param actorName the name the author goes by in the group, or {@code null}
 * @param recipient the one person concerned, or {@code null} when it is decided from the
 * group
 * @param replyTo the message answered, or {@code null}
 * @param mentions the names mentioned
 * @param urgent whether it may be sent during quiet hours (where the community allows)
 * @param createdAt when
 * @param subjectId the session, broadcast, review item, program session or program it is
 * about, or {@code null}
 * @param dueAt when it is to be told, or {@code null} for at once
 */
public record Activity(long id, String issuer, @Nullable Long groupId, Kind kind, @Nullable Long messageId,
		@Nullable String actorName, @Nullable String recipient, @Nullable Long replyTo, List<String> mentions,
		boolean urgent, Instant createdAt, @Nullable Long subjectId, @Nullable Instant dueAt) {

	/**
	 * Something told at once, about no session, broadcast or review item.
	 */
	Activity(long id, String issuer, @Nullable Long groupId, Kind kind, @Nullable Long messageId,
			@Nullable String actorName, @Nullable String recipient, @Nullable Long replyTo, List<String> mentions,
			boolean urgent, Instant createdAt) {
		this(id, issuer, groupId, kind, messageId, actorName, recipient, replyTo, mentions, urgent, createdAt, null,
				null);
	}

	/** What happened. */
	public enum Kind {

		/** A message was posted in a group. */
		MESSAGE,
		/** A facilitator decided about the recipient's post. */
		DECISION,
		/** The recipient's request to join was answered. */
		JOIN_ANSWER,
		/**
		 * A message in a group showed crisis; its staff must respond within the target.
		 */
		ESCALATION,
		/** A live session of the group starts (told at its start). */
		SESSION,
		/**
		 * An important or urgent broadcast was sent; its recipients who have not
		 * acknowledged it by then are reminded.
		 */
		BROADCAST,
		/** An item arrived in the group's review queue; its staff are told. */
		REVIEW,
		/** A clinician referred the recipient to a group or a program. */
		REFERRAL,
		/**
		 * The recipient signed up for a program's session (told before it starts, if they
		 * still hold a place then).
		 */
		PROGRAM_SESSION,
		/** A program the recipient keeps ends soon and leaves the directory by itself. */
		PROGRAM_ENDING

	}

}
