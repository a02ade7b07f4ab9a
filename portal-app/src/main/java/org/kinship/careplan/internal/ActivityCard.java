package org.kinship.careplan.internal;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * One activity of a care plan.
 *
 * @param key the plan's id and the activity's place in it, joined by {@code ~}
 * @param title what to do, in the record's words, or {@code null} when it names nothing
 * @param status a FHIR activity status ({@code in-progress}, ...), {@code unknown} for
 * anything else
 * @param schedule when, or {@code null}
 * @param description more words from the record, or {@code null}
 * @param planTitle the plan it belongs to, or {@code null}
 * @param concerns what it is for, its plan's concerns included
 */
public record ActivityCard(String key, @Nullable String title, String status, @Nullable Schedule schedule,
		@Nullable String description, @Nullable String planTitle, Concerns concerns) implements Serializable {
}
