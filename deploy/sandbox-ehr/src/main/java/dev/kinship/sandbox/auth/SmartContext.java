package dev.kinship.sandbox.auth;

import org.jspecify.annotations.Nullable;

/**
 * The launch context that goes with an app's tokens.
 *
 * @param fhirUser the user's FHIR resource, relative ({@code Patient/123})
 * @param name the user's name
 * @param patient the patient in context, or {@code null}
 * @param encounter the encounter in context, or {@code null}
 * @param needPatientBanner whether the app must show a patient banner
 * @param intent the SMART intent, or {@code null}
 */
record SmartContext(String fhirUser, String name, @Nullable String patient, @Nullable String encounter,
		boolean needPatientBanner, @Nullable String intent) {
}
