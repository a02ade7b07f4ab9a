package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * The codes of a patient's current medication orders, read from the EHR and kept only for
 * the matching at hand. An order counts while its status is active.
 */
final class RecordMedications {

	/** The FHIR system of RxNorm. */
	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private static final int MAX_PAGES = 10;

	private RecordMedications() {
	}

	static List<Coding> currentCodings(IGenericClient client, String patientId) {
		Bundle page = client.search()
			.forResource(MedicationRequest.class)
			.where(MedicationRequest.PATIENT.hasId(patientId))
			.and(MedicationRequest.STATUS.exactly().code("active"))
			.returnBundle(Bundle.class)
			.execute();
		List<Coding> codings = new ArrayList<>();
		for (int pages = 1; page != null && pages <= MAX_PAGES; pages++) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				if (entry.getResource() instanceof MedicationRequest request && isCurrent(request, patientId)) {
					codings.addAll(request.getMedicationCodeableConcept().getCoding());
				}
			}
			page = (page.getLink(Bundle.LINK_NEXT) != null) ? client.loadPage().next(page).execute() : null;
		}
		return codings;
	}

	private static boolean isCurrent(MedicationRequest request, String patientId) {
		// a server that ignores the patient parameter must not lend us someone else's
		// record
		return request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
				&& request.hasMedicationCodeableConcept()
				&& patientId.equals(request.getSubject().getReferenceElement().getIdPart());
	}

}
