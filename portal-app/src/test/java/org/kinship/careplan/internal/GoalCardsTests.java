package org.kinship.careplan.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalCardsTests {

	private final MappingContext context = MappingContext.of("p1", "https://ehr.example/fhir", Map.of());

	@Test
	void keepsGoalsUnderWayAndLeavesOutFinishedOrUnagreedOnes() {
		List<Resource> goals = List.of(goal("g1", "accepted"), goal("g2", "completed"), goal("g3", "proposed"),
				goal("g4", "on-hold"), goal("g5", "entered-in-error"), goal("g6", null));
		assertThat(GoalCards.map(goals, this.context)).extracting(GoalCard::id).containsExactly("g1", "g4", "g6");
	}

	@Test
	void wordsTargetsAndTakesTheEarliestDueDate() {
		Goal goal = goal("g1", "active");
		goal.addTarget()
			.setMeasure(new CodeableConcept().setText("HbA1c"))
			.setDetail(new Quantity().setValue(new BigDecimal("7.0"))
				.setComparator(Quantity.QuantityComparator.LESS_THAN)
				.setUnit("%"))
			.setDue(new DateType("2027-06-01"));
		goal.addTarget()
			.setDetail(new org.hl7.fhir.r4.model.StringType("Walk daily"))
			.setDue(new DateType("2027-03-01"));
		GoalCard card = GoalCards.map(List.of(goal), this.context).get(0);
		assertThat(card.targets()).containsExactly("HbA1c: < 7 %", "Walk daily");
		assertThat(card.due()).isEqualTo(LocalDate.of(2027, 3, 1));
	}

	@Test
	void keepsAnUnknownAchievementCodeAsTheRecordsOwnWords() {
		Goal known = goal("g1", "active");
		known.getAchievementStatus().addCoding().setCode("improving");
		Goal unknown = goal("g2", "active");
		unknown.getAchievementStatus().setText("Nearly there").addCoding().setCode("local-42");
		List<GoalCard> cards = GoalCards.map(List.of(known, unknown), this.context);
		assertThat(cards.get(0).achievement()).isEqualTo("improving");
		assertThat(cards.get(1).achievement()).isNull();
		assertThat(cards.get(1).achievementText()).isEqualTo("Nearly there");
	}

	private static Goal goal(String id, String lifecycle) {
		Goal goal = new Goal();
		goal.setId(id);
		if (lifecycle != null) {
			goal.setLifecycleStatus(Goal.GoalLifecycleStatus.fromCode(lifecycle));
		}
		goal.setSubject(new Reference("Patient/p1"));
		goal.setDescription(new CodeableConcept().setText("Goal " + id));
		return goal;
	}

}
