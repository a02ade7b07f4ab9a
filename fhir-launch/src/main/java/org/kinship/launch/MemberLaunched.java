package org.kinship.launch;

import org.jspecify.annotations.Nullable;

/**
 * Someone opened Kinship from their EHR and the launch succeeded. Published on the
 * request thread, before the session is established. Carries no token and no health data.
 *
 * @param issuerKey the EHR's registration key
 * @param issuer the EHR's FHIR base URL
 * @param fhirUser the user, as {@code Patient/123}
 * @param role patient, caregiver or clinician
 * @param patientId the patient in context, or {@code null}
 * @param recordEmail the user's own e-mail address as their record gives it
 * ({@code Patient.telecom}, or the {@code RelatedPerson}'s), read with their own token at
 * this launch, or {@code null} when it gives none; never logged, and never used before
 * the user confirms it in Kinship
 */
public record MemberLaunched(String issuerKey, String issuer, String fhirUser, KinshipRole role,
		@Nullable String patientId, @Nullable String recordEmail) {

	/**
	 * A launch whose record gave no e-mail address.
	 * @param issuerKey the EHR's registration key
	 * @param issuer the EHR's FHIR base URL
	 * @param fhirUser the user
	 * @param role the role
	 * @param patientId the patient in context, or {@code null}
	 */
	public MemberLaunched(String issuerKey, String issuer, String fhirUser, KinshipRole role,
			@Nullable String patientId) {
		this(issuerKey, issuer, fhirUser, role, patientId, null);
	}

	@Override
	public String toString() {
		// the address stays out of any log line that prints the event
		return "MemberLaunched[" + this.issuerKey + ", " + this.role + "]";
	}

}
