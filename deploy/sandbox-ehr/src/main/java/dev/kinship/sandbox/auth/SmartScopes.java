package dev.kinship.sandbox.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SMART v2 scopes the sandbox grants. Every app is registered with all of them; an
 * app gets only what it asks for.
 */
final class SmartScopes {

	static final String LAUNCH = "launch";

	static final String LAUNCH_PATIENT = "launch/patient";

	static final String OFFLINE_ACCESS = "offline_access";

	static final String ONLINE_ACCESS = "online_access";

	static final String FHIR_USER = "fhirUser";

	static final List<String> READABLE_TYPES = List.of("Patient", "RelatedPerson", "Practitioner", "PractitionerRole",
			"Organization", "Condition", "CarePlan", "Goal", "MedicationRequest", "CareTeam", "Appointment",
			"Encounter", "Observation");

	static final List<String> CREATABLE_TYPES = List.of("Communication", "QuestionnaireResponse", "ServiceRequest",
			"Task");

	private SmartScopes() {
	}

	/** Scopes for apps that a person launches. */
	static Set<String> userFacing() {
		Set<String> scopes = new LinkedHashSet<>(List.of("openid", "profile", FHIR_USER, LAUNCH, LAUNCH_PATIENT,
				"launch/encounter", OFFLINE_ACCESS, ONLINE_ACCESS));
		for (String context : List.of("patient", "user")) {
			scopes.add(context + "/*.rs");
			scopes.add(context + "/*.r");
			for (String type : READABLE_TYPES) {
				scopes.add(context + "/" + type + ".rs");
				scopes.add(context + "/" + type + ".r");
				scopes.add(context + "/" + type + ".s");
			}
			for (String type : CREATABLE_TYPES) {
				scopes.add(context + "/" + type + ".c");
			}
		}
		return scopes;
	}

	/** Scopes for backend services ({@code client_credentials}). */
	static Set<String> system() {
		Set<String> scopes = new LinkedHashSet<>(List.of("system/*.rs"));
		for (String type : READABLE_TYPES) {
			scopes.add("system/" + type + ".rs");
		}
		for (String type : CREATABLE_TYPES) {
			scopes.add("system/" + type + ".c");
		}
		return scopes;
	}

}
