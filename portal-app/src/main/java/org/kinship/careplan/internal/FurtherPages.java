package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Reads on from where a part's first read stopped at the cap, following the EHR's next
 * link (only when it stays on the EHR's FHIR base), and returns the record with the part
 * made longer. Conditions and the care team are not paged on: the panel shows only the
 * group's conditions, and a care team is short.
 */
final class FurtherPages {

	private final CarePlanRecord record;

	private final int maxEntries;

	private final Instant today;

	private final MappingContext context;

	FurtherPages(CarePlanRecord record, int maxEntries, Instant today) {
		this.record = record;
		this.maxEntries = maxEntries;
		this.today = today;
		this.context = MappingContext.of(record.patientId(), record.issuer(), Map.of());
	}

	MappingContext context() {
		return this.context;
	}

	CarePlanRecord of(IGenericClient client, Part part) {
		CarePlanRecord r = this.record;
		return switch (part) {
			case PLANS -> new CarePlanRecord(r.issuer(), r.patientId(), r.patientName(), r.readAt(), false,
					longer(client, r.plans(), CarePlanCards::map), r.goals(), r.medications(), r.conditions(),
					r.careTeam(), r.appointments());
			case GOALS -> new CarePlanRecord(r.issuer(), r.patientId(), r.patientName(), r.readAt(), false, r.plans(),
					longer(client, r.goals(), GoalCards::map), r.medications(), r.conditions(), r.careTeam(),
					r.appointments());
			case MEDICATIONS -> new CarePlanRecord(r.issuer(), r.patientId(), r.patientName(), r.readAt(), false,
					r.plans(), r.goals(), longer(client, r.medications(), MedicationCards::map), r.conditions(),
					r.careTeam(), r.appointments());
			case APPOINTMENTS ->
				new CarePlanRecord(r.issuer(), r.patientId(), r.patientName(), r.readAt(), false, r.plans(), r.goals(),
						r.medications(), r.conditions(), r.careTeam(), longer(client, r.appointments(),
								(resources, mapping) -> AppointmentCards.map(resources, mapping, this.today)));
			case CONDITIONS, CARE_TEAM -> r;
		};
	}

	private <T extends Serializable> Section<T> longer(IGenericClient client, Section<T> section,
			CardMapping<T> mapping) {
		String next = section.next();
		if (next == null || !Pages.onServer(next, this.record.issuer())) {
			return section;
		}
		Bundle page = client.loadPage().byUrl(next).andReturnBundle(Bundle.class).execute();
		return section.followedBy(PartReader.section(Pages.follow(client, page, this.maxEntries, this.record.issuer()),
				mapping, this.context));
	}

}
