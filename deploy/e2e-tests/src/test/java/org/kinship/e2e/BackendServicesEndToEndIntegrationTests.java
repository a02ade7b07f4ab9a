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
	void findsEveryPatientWithAnActiveConditionCode() {
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
		// the demo people with heart failure, and the three Synthea patients whose
		// chronic
		// congestive heart failure is active (Michele Wolf, Dino Barton, Tommy Friesen)
		assertThat(patients).hasSize(6)
			.doesNotHaveDuplicates()
			.contains("Patient/linda-okafor", "Patient/robert-nguyen", "Patient/heavy-record")
			.doesNotContain("Patient/maria-santos", "Patient/patricia-kowalski");
	}

}
