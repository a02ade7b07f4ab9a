package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An active care plan.
 *
 * @param id the CarePlan's id
 * @param title its title or category in plain words, or {@code null}
 * @param since when it started, or {@code null}
 * @param activities its activities
 * @param goalIds the Goals it works towards
 * @param concerns the conditions it addresses
 */
public record CarePlanCard(String id, @Nullable String title, @Nullable LocalDate since, List<ActivityCard> activities,
		Set<String> goalIds, Concerns concerns) implements Serializable {

	public CarePlanCard {
		activities = List.copyOf(activities);
		goalIds = Set.copyOf(goalIds);
	}

}
