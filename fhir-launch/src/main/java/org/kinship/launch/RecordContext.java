package org.kinship.launch;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whose record this session works with: the patient in context, by name, as read once at
 * launch. Read live from the EHR with the user's token only when the launch could not
 * read it. Says plainly when the EHR did not grant the access or cannot be reached.
 */
@Component
public class RecordContext {

	private final FhirClients fhir;

	RecordContext(FhirClients fhir) {
		this.fhir = fhir;
	}

	/**
	 * The patient in context, from the launch; read again only when the launch could not
	 * read it.
	 * @param principal the current user
	 * @return the patient's name, or why it is not shown
	 * @throws RelaunchRequiredException when the session can no longer reach the EHR
	 */
	public ContextPatient contextPatient(KinshipPrincipal principal) {
		if (principal.patientId() == null) {
			return new ContextPatient(Access.NO_PATIENT, null);
		}
		if (!principal.mayRead("Patient")) {
			return new ContextPatient(Access.NOT_GRANTED, null);
		}
		if (principal.patientName() != null) {
			return new ContextPatient(Access.SHOWN, principal.patientName());
		}
		try {
			Patient patient = this.fhir.withUserToken(principal,
					(client) -> client.read().resource(Patient.class).withId(principal.patientId()).execute());
			return new ContextPatient(Access.SHOWN, name(patient.getNameFirstRep()));
		}
		catch (ForbiddenOperationException ex) {
			return new ContextPatient(Access.NOT_GRANTED, null);
		}
		catch (BaseServerResponseException ex) {
			return new ContextPatient(Access.UNAVAILABLE, null);
		}
	}

	private static String name(HumanName name) {
		if (name.hasText()) {
			return name.getText();
		}
		java.util.StringJoiner parts = new java.util.StringJoiner(" ");
		name.getGiven().forEach((given) -> parts.add(given.getValue()));
		if (name.hasFamily()) {
			parts.add(name.getFamily());
		}
		return parts.toString();
	}

	/**
	 * What could be read of the patient in context.
	 *
	 * @param access whether it was read, and if not, why
	 * @param name the patient's name when read
	 */
	public record ContextPatient(Access access, @Nullable String name) {
	}

	/** Whether the record could be read. */
	public enum Access {

		/** Read and shown. */
		SHOWN,
		/**
		 * The session has no patient in context (a clinician outside a patient's chart).
		 */
		NO_PATIENT,
		/** The EHR did not grant read access to the patient's record. */
		NOT_GRANTED,
		/** The EHR could not be reached or failed. */
		UNAVAILABLE

	}

}
