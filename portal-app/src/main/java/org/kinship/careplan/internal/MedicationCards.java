package org.kinship.careplan.internal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Active prescriptions with how to take them: the dosage's own words, else the patient
 * instruction, else how often from its timing. A prescription about another patient is
 * dropped and noted.
 */
final class MedicationCards {

	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private MedicationCards() {
	}

	static List<MedicationCard> map(List<Resource> resources, MappingContext context) {
		return resources.stream()
			.filter(MedicationRequest.class::isInstance)
			.map(MedicationRequest.class::cast)
			.filter((request) -> context.owns(request, List.of(request.getSubject())))
			.filter((request) -> request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE)
			.map((request) -> card(request, context))
			.toList();
	}

	private static MedicationCard card(MedicationRequest request, MappingContext context) {
		List<Dosage> dosages = request.getDosageInstruction();
		String words = dosages.stream()
			.map((dosage) -> PlainText.clean(dosage.getText()))
			.filter(Objects::nonNull)
			.collect(Collectors.joining("; "));
		if (words.isEmpty()) {
			words = dosages.stream()
				.map((dosage) -> PlainText.clean(dosage.getPatientInstruction()))
				.filter(Objects::nonNull)
				.collect(Collectors.joining("; "));
		}
		Schedule schedule = (words.isEmpty() && !dosages.isEmpty() && dosages.get(0).hasTiming())
				? Schedules.of(dosages.get(0).getTiming()) : null;
		return new MedicationCard(request.getIdElement().getIdPart(), name(request, context),
				words.isEmpty() ? null : words, schedule,
				Reasons.of(request.getReasonCode(), request.getReasonReference()), rxnorm(request, context));
	}

	private static List<String> rxnorm(MedicationRequest request, MappingContext context) {
		CodeableConcept concept = request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept()
				: (request.hasMedicationReference()
						&& context.included(request.getMedicationReference()) instanceof Medication medication)
								? medication.getCode() : null;
		if (concept == null) {
			return List.of();
		}
		return concept.getCoding()
			.stream()
			.filter((coding) -> RXNORM.equals(coding.getSystem()) && coding.hasCode())
			.map(Coding::getCode)
			.distinct()
			.toList();
	}

	private static @Nullable String name(MedicationRequest request, MappingContext context) {
		if (request.hasMedicationCodeableConcept()) {
			return PlainText.of(request.getMedicationCodeableConcept());
		}
		if (request.hasMedicationReference()) {
			Reference reference = request.getMedicationReference();
			String display = PlainText.clean(reference.getDisplay());
			if (display != null) {
				return display;
			}
			return (context.included(reference) instanceof Medication medication) ? PlainText.of(medication.getCode())
					: null;
		}
		return null;
	}

}
