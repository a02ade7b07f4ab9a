package org.kinship.careplan.internal;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingContextTests {

	private final MappingContext context = MappingContext.of("p1", "https://ehr.example/fhir", Map.of());

	@Test
	void ownsTheResourcesOfThePatientInContext() {
		assertThat(owns("Patient/p1")).isTrue();
		assertThat(owns("Patient/p1/_history/3")).isTrue();
		assertThat(owns("https://ehr.example/fhir/Patient/p1")).isTrue();
		assertThat(this.context.foreign()).isEmpty();
	}

	@Test
	void notesAnotherPatientsResourceAsForeign() {
		assertThat(owns("Patient/p2")).isFalse();
		assertThat(owns("https://other.example/fhir/Patient/p1")).isFalse();
		assertThat(this.context.foreign()).containsExactly("Goal", "Goal");
	}

	@Test
	void showsNothingThatNamesNoPatientWithoutCallingItForeign() {
		assertThat(owns(null)).isFalse();
		assertThat(owns("Group/g1")).isFalse();
		assertThat(this.context.foreign()).isEmpty();
	}

	@Test
	void refusesAResourceThatNamesThePatientAndSomeoneElse() {
		Goal goal = new Goal();
		assertThat(this.context.owns(goal, List.of(new Reference("Patient/p1"), new Reference("Patient/p2"))))
			.isFalse();
		assertThat(this.context.foreign()).containsExactly("Goal");
	}

	private boolean owns(String reference) {
		Goal goal = new Goal();
		goal.setSubject(new Reference(reference));
		return this.context.owns(goal, List.of(goal.getSubject()));
	}

}
