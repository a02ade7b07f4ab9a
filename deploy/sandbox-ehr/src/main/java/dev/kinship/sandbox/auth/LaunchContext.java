package dev.kinship.sandbox.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an EHR launch hands to the app through the opaque {@code launch} value.
 *
 * @param id the opaque value sent to the app
 * @param personaId who launched
 * @param clientId the app launched
 * @param patientId the patient in context
 * @param encounterId the encounter in context, if any
 * @param needPatientBanner whether the app must show a patient banner (a provider launch)
 * @param intent the SMART {@code intent}, if any
 * @param createdAt when the launch was made
 */
public record LaunchContext(String id, String personaId, String clientId, @Nullable String patientId,
		@Nullable String encounterId, boolean needPatientBanner, @Nullable String intent, Instant createdAt) {
}
