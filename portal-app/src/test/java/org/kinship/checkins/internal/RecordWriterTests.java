package org.kinship.checkins.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.kinship.checkins.Score.Band;
import org.kinship.checkins.internal.CheckinStore.StoredAnswer;
import org.kinship.launch.EhrIdentifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code QuestionnaireResponse} an answer makes, as HAPI's validator judges it
 * against Kinship's Questionnaire: valid as made, refused when an answer is not one of
 * its question's options or a required question is left out.
 */
class RecordWriterTests {

	private static final FhirContext FHIR = FhirContext.forR4();

	private final QuestionnaireCatalog catalog = new QuestionnaireCatalog(FHIR);

	private final ResponseValidator validator = new ResponseValidator(FHIR, this.catalog);

	private final RecordWriter writer = new RecordWriter(null, this.catalog, this.validator, null,
			EhrIdentifiers.of("clinic-test"));

	@Test
	void aPhq2AnswerMakesAValidResponseWithTheChosenCodes() {
		QuestionnaireResponse response = this.writer.response(answer("phq-2", Map.of("phq2-1", 2, "phq2-2", 1)));
		assertThat(response.getQuestionnaire()).isEqualTo("http://kinship.example.org/fhir/Questionnaire/phq-2|1");
		assertThat(response.getSubject().getReference()).isEqualTo("Patient/123");
		// found by it when sent again after a lost reply, instead of saved twice
		assertThat(response.getIdentifier().getSystem()).isEqualTo("urn:kinship:clinic-test:checkin-answer");
		assertThat(response.getIdentifier().getValue()).isEqualTo("1");
		assertThat(((Coding) response.getItem().get(0).getAnswerFirstRep().getValue()).getCode()).isEqualTo("LA6570-1");
		assertThat(this.validator.errors(response)).isEmpty();
	}

	@Test
	void aNumberAnswerMakesAValidResponse() {
		assertThat(this.validator.errors(this.writer.response(answer("seizure-count", Map.of("seizure-1", 3)))))
			.isEmpty();
		assertThat(
				this.validator
					.errors(this.writer.response(answer("promis-global-10",
							Map.of("global01", 3, "global02", 3, "global03", 4, "global04", 2, "global05", 4,
									"global09r", 3, "global06", 5, "global07", 0, "global08", 1, "global10", 5)))))
			.isEmpty();
	}

	@Test
	void theValidatorRefusesAnAnswerThatIsNoOptionAndAMissingRequiredAnswer() {
		QuestionnaireResponse response = this.writer.response(answer("phq-2", Map.of("phq2-1", 2, "phq2-2", 1)));
		((Coding) response.getItem().get(0).getAnswerFirstRep().getValue()).setCode("LA0000-0");
		assertThat(this.validator.errors(response)).isNotEmpty();

		QuestionnaireResponse partial = this.writer.response(answer("phq-2", Map.of("phq2-1", 2, "phq2-2", 1)));
		partial.getItem().remove(1);
		assertThat(this.validator.errors(partial)).isNotEmpty();
	}

	@Test
	void aMedicinesAnswerCarriesTheQuestionsAskedAndIsValidAgainstThem() {
		Map<String, String> asked = new LinkedHashMap<>();
		asked.put("med-hf-med-1", "Furosemide 40 MG Oral Tablet");
		asked.put("med-t2d-med", "Metformin 500 MG Extended Release Oral Tablet");
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put("med-hf-med-1", 2);
		values.put("med-t2d-med", 0);
		QuestionnaireResponse response = this.writer.response(answer("medication-adherence", values, asked));

		assertThat(response.getQuestionnaire()).isEqualTo("#asked");
		Questionnaire contained = (Questionnaire) response.getContained().get(0);
		assertThat(contained.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getText)
			.containsExactly("Furosemide 40 MG Oral Tablet", "Metformin 500 MG Extended Release Oral Tablet");
		assertThat(contained.getDerivedFrom().get(0).getValue())
			.isEqualTo("http://kinship.example.org/fhir/Questionnaire/medication-adherence|1");
		assertThat(((Coding) response.getItem().get(0).getAnswerFirstRep().getValue()).getCode()).isEqualTo("ran-out");
		assertThat(this.validator.errors(response)).isEmpty();
		// as the EHR receives it
		QuestionnaireResponse sent = FHIR.newJsonParser()
			.parseResource(QuestionnaireResponse.class, FHIR.newJsonParser().encodeResourceToString(response));
		assertThat(sent.getContained()).hasSize(1);
		assertThat(this.validator.errors(sent)).isEmpty();
	}

	@Test
	void theValidatorRefusesAMedicinesAnswerToAQuestionNotAsked() {
		QuestionnaireResponse response = this.writer.response(answer("medication-adherence", Map.of("med-hf-med-1", 3),
				Map.of("med-hf-med-1", "Furosemide 40 MG Oral Tablet")));
		response.addItem()
			.setLinkId("med-someone-else")
			.addAnswer()
			.setValue(new Coding("http://kinship.example.org/fhir/CodeSystem/medication-adherence", "stopped",
					"Stopped taking it"));
		assertThat(this.validator.errors(response)).isNotEmpty();
	}

	private static StoredAnswer answer(String questionnaire, Map<String, Integer> values) {
		return answer(questionnaire, values, Map.of());
	}

	private static StoredAnswer answer(String questionnaire, Map<String, Integer> values,
			Map<String, String> questions) {
		return new StoredAnswer(1, "http://ehr/fhir", "Patient/123", "123", 1, questionnaire, values, 0, Band.RAW,
				false, Instant.parse("2026-12-01T10:00:00Z"), "NOT_SENT", null, questions);
	}

}
