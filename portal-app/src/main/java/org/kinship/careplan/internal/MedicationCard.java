package org.kinship.careplan.internal;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * An active prescription.
 *
 * @param id the MedicationRequest's id
 * @param name the medicine in the record's words, or {@code null}
 * @param dosage how to take it, in the record's words, or {@code null}
 * @param schedule how often, when the record gives no words for it, or {@code null}
 * @param concerns the conditions it is prescribed for
 */
public record MedicationCard(String id, @Nullable String name, @Nullable String dosage, @Nullable Schedule schedule,
		Concerns concerns) implements Serializable {
}
