package org.kinship.careplan.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTests {

	@Test
	void followsOnlyLinksOnTheEhrsFhirBase() {
		assertThat(Pages.onServer("https://ehr.example/fhir?_getpages=1", "https://ehr.example/fhir")).isTrue();
		assertThat(Pages.onServer("https://ehr.example/fhir/MedicationRequest?page=2", "https://ehr.example/fhir"))
			.isTrue();
		assertThat(Pages.onServer("https://ehr.example/fhirish?x", "https://ehr.example/fhir")).isFalse();
		assertThat(Pages.onServer("https://evil.example/fhir?_getpages=1", "https://ehr.example/fhir")).isFalse();
		assertThat(Pages.onServer("https://ehr.example.evil.test/fhir", "https://ehr.example/fhir")).isFalse();
	}

}
