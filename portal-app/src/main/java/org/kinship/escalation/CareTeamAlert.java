package org.kinship.escalation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether an escalation reached the patient's care team through the EHR, as the
 * facilitators see it on the escalation.
 *
 * @param itemId the escalation (a review item)
 * @param status where it stands
 * @param mode what is or was written, {@code null} when {@link Status#OFF}
 * @param attempts how many times it was tried
 * @param resource what the EHR holds now, such as {@code Communication/123}, once
 * {@link Status#WRITTEN}
 * @param reason why it failed (an HTTP status, an error's name, or {@code no-care-team}),
 * or why it was not written
 * @param updatedAt when it last changed, {@code null} when {@link Status#OFF}
 */
public record CareTeamAlert(long itemId, Status status, @Nullable AlertMode mode, int attempts,
		@Nullable String resource, @Nullable String reason, @Nullable Instant updatedAt) {

	/**
	 * The reason of an alert that failed because the record names no active care team.
	 */
	public static final String NO_CARE_TEAM = "no-care-team";

	/** No write for an escalation that has no alert. */
	static CareTeamAlert off(long itemId) {
		return new CareTeamAlert(itemId, Status.OFF, null, 0, null, null, null);
	}

	/**
	 * Whether a facilitator may try again.
	 * @return true once every attempt has failed
	 */
	public boolean retryable() {
		return this.status == Status.FAILED;
	}

	/**
	 * Whether the facilitators are shown why it failed: an error of the EHR, not a record
	 * without a care team (which its own message says).
	 * @return true for a failure with an error
	 */
	public boolean errorShown() {
		return this.status == Status.FAILED && this.reason != null && !NO_CARE_TEAM.equals(this.reason);
	}

	/**
	 * The message that tells a facilitator where it stands.
	 * @return a key of {@code escalation-messages}
	 */
	public String messageKey() {
		if (this.status == Status.FAILED && NO_CARE_TEAM.equals(this.reason)) {
			return "escalation.alert.no-care-team";
		}
		String key = "escalation.alert." + this.status.name().toLowerCase(java.util.Locale.ROOT);
		return (this.status == Status.WRITTEN && this.mode != null)
				? key + "." + this.mode.name().toLowerCase(java.util.Locale.ROOT) : key;
	}

	/** Where a care-team alert stands. */
	public enum Status {

		/** The health system does not alert care teams, or did not when it was raised. */
		OFF,
		/** Being written, or waiting to be tried again. */
		PENDING,
		/** The EHR holds it. */
		WRITTEN,
		/** Every attempt failed; a facilitator may try again. */
		FAILED,
		/**
		 * Not written: the author is not a patient of the EHR (a caregiver's own crisis
		 * does not belong in the record of the person they care for).
		 */
		NOT_A_PATIENT

	}

}
