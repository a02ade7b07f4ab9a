package org.kinship.careplan.internal;

import java.io.Serializable;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An active prescription.
 *
 * @param id the MedicationRequest's id
 * @param name the medicine in the record's words, or {@code null}
 * @param dosage how to take it, in the record's words, or {@code null}
 * @param schedule how often, when the record gives no words for it, or {@code null}
 * @param concerns the conditions it is prescribed for
 * @param rxnorm the RxNorm codes the record gives the medicine (a clinical drug's or an
 * ingredient's), for naming its ingredients
 */
public record MedicationCard(String id, @Nullable String name, @Nullable String dosage, @Nullable Schedule schedule,
		Concerns concerns, List<String> rxnorm) implements Serializable {

	public MedicationCard {
		rxnorm = List.copyOf(rxnorm);
	}

	/**
	 * A prescription without RxNorm codes.
	 * @param id the MedicationRequest's id
	 * @param name the medicine in the record's words, or {@code null}
	 * @param dosage how to take it, or {@code null}
	 * @param schedule how often, or {@code null}
	 * @param concerns the conditions it is prescribed for
	 */
	public MedicationCard(String id, @Nullable String name, @Nullable String dosage, @Nullable Schedule schedule,
			Concerns concerns) {
		this(id, name, dosage, schedule, concerns, List.of());
	}

}
