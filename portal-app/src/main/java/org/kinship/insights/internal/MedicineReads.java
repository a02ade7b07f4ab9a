package org.kinship.insights.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.kinship.launch.BackendFhirClients;

import org.springframework.stereotype.Component;

/**
 * Reads the active {@code MedicationRequest}s of a contributor with backend services and
 * names each by its ingredient: the RxNorm concept's name up to its strength and dose
 * form ("Metformin hydrochloride 500 MG Oral Tablet" is metformin hydrochloride), which
 * gathers a medicine's strengths and forms under one ingredient.
 */
@Component
class MedicineReads {

	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private final BackendFhirClients backend;

	MedicineReads(BackendFhirClients backend) {
		this.backend = backend;
	}

	/**
	 * A contributor's ingredients.
	 * @param issuerKey their EHR
	 * @param patientId their patient
	 * @return the ingredients, by key (their name in lower case), with their name
	 */
	Map<String, String> ingredients(String issuerKey, String patientId) {
		IGenericClient client = this.backend.forIssuer(issuerKey);
		Bundle bundle = client.search()
			.forResource(MedicationRequest.class)
			.where(MedicationRequest.PATIENT.hasId(patientId))
			.and(MedicationRequest.STATUS.exactly().code("active"))
			.count(200)
			.returnBundle(Bundle.class)
			.execute();
		Map<String, String> ingredients = new LinkedHashMap<>();
		for (var entry : bundle.getEntry()) {
			if (entry.getResource() instanceof MedicationRequest request && request.hasMedicationCodeableConcept()) {
				String name = ingredient(request.getMedicationCodeableConcept());
				if (!name.isEmpty()) {
					ingredients.put(name.toLowerCase(Locale.ROOT), name);
				}
			}
		}
		return ingredients;
	}

	static String ingredient(CodeableConcept medicine) {
		String text = medicine.getCoding()
			.stream()
			.filter((coding) -> RXNORM.equals(coding.getSystem()) && coding.hasDisplay())
			.map(Coding::getDisplay)
			.findFirst()
			.orElse(medicine.getText());
		if (text == null) {
			return "";
		}
		String name = text.replaceFirst("^[0-9.]+\\s*(HR|ML)?\\s*", "").split("\\s[0-9]")[0].strip();
		return name.isEmpty() ? ""
				: name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
	}

}
