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
 */
public record MemberLaunched(String issuerKey, String issuer, String fhirUser, KinshipRole role,
		@Nullable String patientId) {
}
