package org.kinship.careplan.internal;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Has HAPI scan the model of the resources the panel reads at start. HAPI does it lazily,
 * on the first parse of each type, which takes long enough to make the first member's
 * panel miss its time budget.
 */
@Component
class ModelWarmUp implements ApplicationRunner {

	private final FhirContext fhirContext;

	ModelWarmUp(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Override
	public void run(ApplicationArguments args) {
		List.of(Bundle.class, CarePlan.class, Goal.class, MedicationRequest.class, Condition.class, CareTeam.class,
				Appointment.class, Patient.class, Practitioner.class)
			.forEach(this.fhirContext::getResourceDefinition);
		this.fhirContext.newJsonParser().parseResource(Bundle.class, "{\"resourceType\": \"Bundle\"}");
	}

}
