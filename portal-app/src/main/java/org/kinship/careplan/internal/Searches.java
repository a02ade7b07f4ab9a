package org.kinship.careplan.internal;

import java.time.LocalDate;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The search for each part of the record. Goals are filtered by lifecycle in Kinship,
 * since {@code lifecycle-status} is not supported everywhere and a patient's goals are
 * few. Where the session may read Practitioners, the care team and appointments bring
 * their clinicians along with {@code _include}: their names then need no second round
 * trip.
 */
final class Searches {

	private static final TokenClientParam STATUS = new TokenClientParam("status");

	private Searches() {
	}

	static Bundle first(IGenericClient client, Part part, String patientId, SearchSettings settings) {
		IQuery<IBaseBundle> query = client.search()
			.forResource(part.resourceType())
			.where(new ReferenceClientParam("patient").hasId(patientId));
		switch (part) {
			case PLANS, MEDICATIONS -> query.and(STATUS.exactly().code("active"));
			case CONDITIONS ->
				query.and(new TokenClientParam("clinical-status").exactly().codes("active", "recurrence", "relapse"));
			case CARE_TEAM -> {
				query.and(STATUS.exactly().code("active"));
				if (settings.practitioners()) {
					query.include(new Include("CareTeam:participant"));
				}
			}
			case APPOINTMENTS -> {
				query.and(new DateClientParam("date").afterOrEquals().day(settings.today().toString()));
				if (settings.practitioners()) {
					query.include(new Include("Appointment:practitioner"));
				}
			}
			case GOALS -> {
			}
		}
		return query.count(settings.pageSize()).returnBundle(Bundle.class).execute();
	}

	/**
	 * What the searches depend on besides the part.
	 *
	 * @param today the first day of upcoming appointments
	 * @param practitioners whether the session may read Practitioners
	 * @param pageSize entries per page
	 */
	record SearchSettings(LocalDate today, boolean practitioners, int pageSize) {
	}

}
