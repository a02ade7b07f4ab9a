package org.kinship.careplan.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalTargetComponent;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Goals the patient works towards: not those proposed but not agreed, finished, dropped
 * or entered in error. A goal about another patient is dropped and noted.
 */
final class GoalCards {

	static final Set<String> ACHIEVEMENTS = Set.of("in-progress", "improving", "worsening", "no-change", "achieved",
			"sustaining", "not-achieved", "no-progress", "not-attainable");

	private static final Set<String> LEFT_OUT = Set.of("proposed", "completed", "cancelled", "entered-in-error",
			"rejected");

	private GoalCards() {
	}

	static List<GoalCard> map(List<Resource> resources, MappingContext context) {
		return resources.stream()
			.filter(Goal.class::isInstance)
			.map(Goal.class::cast)
			.filter((goal) -> context.owns(goal, List.of(goal.getSubject())))
			.filter((goal) -> !goal.hasLifecycleStatus() || !LEFT_OUT.contains(goal.getLifecycleStatus().toCode()))
			.map(GoalCards::card)
			.toList();
	}

	private static GoalCard card(Goal goal) {
		String achievement = goal.getAchievementStatus()
			.getCoding()
			.stream()
			.map((coding) -> coding.getCode())
			.filter(ACHIEVEMENTS::contains)
			.findFirst()
			.orElse(null);
		LocalDate due = goal.getTarget()
			.stream()
			.filter(GoalTargetComponent::hasDueDateType)
			.map((target) -> PlainText.date(target.getDueDateType()))
			.filter(Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElse(null);
		return new GoalCard(goal.getIdElement().getIdPart(), PlainText.of(goal.getDescription()),
				goal.getTarget().stream().map(Targets::of).filter(Objects::nonNull).toList(), due, achievement,
				(achievement == null) ? PlainText.of(goal.getAchievementStatus()) : null,
				Reasons.of(List.of(), goal.getAddresses()));
	}

	/** A target in words: what is measured, and the value aimed at. */
	static final class Targets {

		private Targets() {
		}

		static @Nullable String of(GoalTargetComponent target) {
			String measure = PlainText.of(target.getMeasure());
			String detail = target.hasDetail() ? Quantities.of(target.getDetail()) : null;
			if (measure != null && detail != null) {
				return measure + ": " + detail;
			}
			return (measure != null) ? measure : detail;
		}

	}

}
