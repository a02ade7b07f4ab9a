package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * The codes of a patient's active conditions, read from the EHR and kept only for the
 * matching at hand. A condition counts when its clinical status is active, recurrence or
 * relapse and it is not refuted or entered in error.
 */
public final class RecordConditions {

	private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

	private static final Set<String> NOT_TRUE = Set.of("refuted", "entered-in-error");

	/** Pages followed at most; a patient's active list is short. */
	private static final int MAX_PAGES = 10;

	private RecordConditions() {
	}

	/**
	 * Reads the codings of a patient's active conditions.
	 * @param client a client allowed to read the patient's conditions
	 * @param patientId the patient
	 * @return every coding of every active condition
	 */
	public static List<Coding> activeCodings(IGenericClient client, String patientId) {
		Bundle page = client.search()
			.forResource(Condition.class)
			.where(Condition.PATIENT.hasId(patientId))
			.and(Condition.CLINICAL_STATUS.exactly().codes("active", "recurrence", "relapse"))
			.returnBundle(Bundle.class)
			.execute();
		List<Coding> codings = new ArrayList<>();
		for (int pages = 1; page != null && pages <= MAX_PAGES; pages++) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				if (entry.getResource() instanceof Condition condition && isActive(condition, patientId)) {
					codings.addAll(condition.getCode().getCoding());
				}
			}
			page = (page.getLink(Bundle.LINK_NEXT) != null) ? client.loadPage().next(page).execute() : null;
		}
		return codings;
	}

	static boolean isActive(Condition condition, String patientId) {
		boolean active = condition.getClinicalStatus()
			.getCoding()
			.stream()
			.anyMatch((coding) -> ACTIVE.contains(coding.getCode()));
		boolean untrue = condition.getVerificationStatus()
			.getCoding()
			.stream()
			.anyMatch((coding) -> NOT_TRUE.contains(coding.getCode()));
		// a server that ignores the patient parameter must not lend us someone else's
		// record
		boolean own = patientId.equals(condition.getSubject().getReferenceElement().getIdPart());
		return active && !untrue && own;
	}

}
