package dev.kinship.sandbox.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Someone who can be launched from the sandbox: a demo person or an imported patient.
 *
 * @param id stable id used by {@code /launch?persona=ID}
 * @param displayName the person's name
 * @param role what kind of user they are
 * @param fhirUser the FHIR resource that is the user, relative ({@code Patient/123},
 * {@code RelatedPerson/7}, {@code Practitioner/9})
 * @param patientId the patient in context at a launch (the person themselves, the person
 * cared for, or for clinicians a default patient), or {@code null}
 * @param conditions display names of the context patient's active conditions
 */
public record Persona(String id, String displayName, PersonaRole role, String fhirUser, @Nullable String patientId,
		List<String> conditions) {

	/**
	 * The kinds of user.
	 */
	public enum PersonaRole {

		/** A patient, launched from the patient portal. */
		PATIENT,
		/** A caregiver acting for a patient (a RelatedPerson launch). */
		CAREGIVER,
		/** A clinician launched from the provider EHR. */
		CLINICIAN

	}

}
