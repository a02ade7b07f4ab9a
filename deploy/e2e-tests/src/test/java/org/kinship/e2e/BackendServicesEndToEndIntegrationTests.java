package org.kinship.e2e;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.kinship.launch.BackendFhirClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinship's backend-services client against the sandbox: a {@code client_credentials}
 * token bought with a {@code private_key_jwt} assertion, used for a system-level search
 * across patients, as cohort look-ups will be.
 */
class BackendServicesEndToEndIntegrationTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void findsEveryPatientWithAnActiveConditionCode() throws Exception {
		Bundle conditions = this.system.kinshipBean(BackendFhirClients.class)
			.forIssuer("sandbox")
			.search()
			.forResource(Condition.class)
			.where(Condition.CODE.exactly().systemAndCode("http://snomed.info/sct", "88805009"))
			.and(Condition.CLINICAL_STATUS.exactly().code("active"))
			.returnBundle(Bundle.class)
			.execute();
		List<String> patients = conditions.getEntry()
			.stream()
			.map((entry) -> ((Condition) entry.getResource()).getSubject().getReference())
			.toList();
		// the demo people with heart failure (the heavy record among them), and the
		// Synthea
		// patients whose records hold it
		assertThat(patients).containsExactlyInAnyOrder("Patient/linda-okafor", "Patient/robert-nguyen",
				"Patient/heavy-record", "Patient/" + SandboxPersonas.idOf(this.system, "Michele Wolf"),
				"Patient/" + SandboxPersonas.idOf(this.system, "Dino Barton"),
				"Patient/" + SandboxPersonas.idOf(this.system, "Tommy Friesen"));
	}

}
