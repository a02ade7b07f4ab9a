package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A goal the patient works towards.
 *
 * @param id the Goal's id
 * @param title the goal in the record's words, or {@code null}
 * @param targets each target in words ("HbA1c < 7 %")
 * @param due the earliest due date of its targets, or {@code null}
 * @param achievement a FHIR goal-achievement code the page words, or {@code null}
 * @param achievementText how it is going in the record's own words, when the code is not
 * one of FHIR's
 * @param concerns the conditions it addresses
 */
public record GoalCard(String id, @Nullable String title, List<String> targets, @Nullable LocalDate due,
		@Nullable String achievement, @Nullable String achievementText, Concerns concerns) implements Serializable {

	public GoalCard {
		targets = List.copyOf(targets);
	}

}
