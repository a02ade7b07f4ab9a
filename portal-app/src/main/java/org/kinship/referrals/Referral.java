package org.kinship.referrals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's referral of a patient to a group or a program.
 *
 * @param id its id
 * @param issuer the health system's FHIR base URL
 * @param issuerKey the health system's registration key
 * @param patient the patient, as {@code Patient/123}
 * @param referrer the clinician, as {@code Practitioner/123}
 * @param referrerName the clinician's name, for the patient
 * @param groupId the group referred to, or {@code null}
 * @param programId the program referred to, or {@code null}
 * @param targetName the group's or program's name
 * @param note the clinician's note to the patient, or {@code null}
 * @param fitsRecord whether the target fitted the patient's record when referred
 * @param state where it stands with the patient
 * @param ehr what became of it in the EHR
 * @param ehrReference the ServiceRequest's id in the EHR, or {@code null}
 * @param ehrProblem why the EHR has not recorded it (an HTTP status or an error's name,
 * never health data), or {@code null}
 * @param createdAt when it was made
 * @param changedAt when its state last changed
 */
public record Referral(long id, String issuer, String issuerKey, String patient, String referrer, String referrerName,
		@Nullable Long groupId, @Nullable Long programId, String targetName, @Nullable String note, boolean fitsRecord,
		ReferralState state, EhrRecord ehr, @Nullable String ehrReference, @Nullable String ehrProblem,
		Instant createdAt, Instant changedAt) {

	/**
	 * Whether the patient may still answer it.
	 * @return true while sent or seen
	 */
	public boolean open() {
		return this.state == ReferralState.SENT || this.state == ReferralState.SEEN;
	}

	/**
	 * Why the EHR has not recorded it, as the clinician reads it: an HTTP status as the
	 * EHR answered it; anything else (a connection that failed, a timeout) is the EHR not
	 * reached, which the page says in words rather than an error's name.
	 * @return the HTTP status, such as {@code HTTP 422}, or {@code null} when the EHR was
	 * not reached or there is no problem
	 */
	public @Nullable String ehrHttpStatus() {
		return (this.ehrProblem != null && this.ehrProblem.startsWith("HTTP ")) ? this.ehrProblem : null;
	}

}
