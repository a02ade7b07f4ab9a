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

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Has HAPI scan the model of the resources the panel reads, once the application is
 * ready. HAPI does it lazily, on the first parse of each type, which takes long enough to
 * delay the first member's panel by seconds; done at start it held up readiness by
 * seconds. So it runs in the background right after start: a node takes traffic at once,
 * and a panel read that comes before the scan is done waits on HAPI's own lock for the
 * types it needs, as it did before there was a warm-up.
 * <p>
 * The scan gets a thread of its own from Boot's builder (so {@code spring.task.execution}
 * settings apply) rather than an {@code Executor} bean: any such bean would make Boot
 * drop its {@code applicationTaskExecutor}, which also carries the STOMP channels.
 */
@Component
class ModelWarmUp {

	private final FhirContext fhirContext;

	private final SimpleAsyncTaskExecutor executor;

	ModelWarmUp(FhirContext fhirContext, SimpleAsyncTaskExecutorBuilder executors) {
		this.fhirContext = fhirContext;
		this.executor = executors.threadNamePrefix("fhir-warm-up-").build();
		// a context closed while the scan still runs (as tests do) need not wait for it
		this.executor.setDaemon(true);
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUpInTheBackground() {
		this.executor.execute(this::warmUp);
	}

	void warmUp() {
		List.of(Bundle.class, CarePlan.class, Goal.class, MedicationRequest.class, Condition.class, CareTeam.class,
				Appointment.class, Patient.class, Practitioner.class)
			.forEach(this.fhirContext::getResourceDefinition);
		this.fhirContext.newJsonParser().parseResource(Bundle.class, "{\"resourceType\": \"Bundle\"}");
	}

}
