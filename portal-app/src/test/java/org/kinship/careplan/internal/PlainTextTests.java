package org.kinship.careplan.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@Test
	void dropsSnomedSemanticTags() {
		assertThat(PlainText.of(concept(null, "Chronic congestive heart failure (disorder)")))
			.isEqualTo("Chronic congestive heart failure");
		assertThat(PlainText.of(concept(null, "Pulmonary rehabilitation (regime/therapy)")))
			.isEqualTo("Pulmonary rehabilitation");
		assertThat(PlainText.of(concept(null, "Diazepam [Valium]"))).isEqualTo("Diazepam [Valium]");
	}

	@Test
	void prefersTheConceptsTextToItsCodingsDisplay() {
		assertThat(PlainText.of(concept("Heart failure", "Chronic congestive heart failure")))
			.isEqualTo("Heart failure");
	}

	@Test
	void givesNoNameToACodeWithoutWords() {
		assertThat(PlainText.of(new CodeableConcept(new Coding("urn:oid:1.2.3", "X-42", null)))).isNull();
		assertThat(PlainText.of(concept("   ", null))).isNull();
		assertThat(PlainText.of(null)).isNull();
	}

	@Test
	void cutsOverlongTextAndCollapsesSpaces() {
		assertThat(PlainText.clean("Walk \n  every\tday")).isEqualTo("Walk every day");
		assertThat(PlainText.clean("x".repeat(1000))).hasSize(PlainText.MAX_LENGTH).endsWith("…");
	}

	private static CodeableConcept concept(String text, String display) {
		CodeableConcept concept = new CodeableConcept().setText(text);
		if (display != null) {
			concept.addCoding(new Coding("http://snomed.info/sct", "88805009", display));
		}
		return concept;
	}

}
