package org.kinship.audit;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log. No health data: references and resource types only.
 *
 * @param issuer the EHR's FHIR base URL
 * @param actor the user's {@code fhirUser} reference, when known
 * @param patient the patient reference in context, when known
 * @param action what was done
 * @param resourceTypes the FHIR resource types involved, comma-separated, or {@code null}
 * @param outcome {@code SUCCESS} or a short error code
 */
public record AuditEntry(String issuer, @Nullable String actor, @Nullable String patient, AuditAction action,
		@Nullable String resourceTypes, String outcome) {

	/** The outcome of what went well. */
	public static final String SUCCESS = "SUCCESS";

}
