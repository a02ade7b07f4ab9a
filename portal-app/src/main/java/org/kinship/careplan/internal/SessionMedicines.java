package org.kinship.careplan.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.kinship.chat.SenderMedicines;
import org.kinship.chat.Treatment;
import org.kinship.groups.CodeCatalog;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * The medicines of the record this session already read, for screening a member's message
 * and for the treatments they may tag it with (the ingredients the code catalogue names):
 * a patient's own, a caregiver's person's. Nothing for a clinician, whose "my medicine"
 * is not the patient's, and nothing when the session holds no record; the EHR is never
 * read for it.
 */
@Component
class SessionMedicines implements SenderMedicines {

	private final SessionRecords records;

	private final CodeCatalog catalog;

	SessionMedicines(SessionRecords records, CodeCatalog catalog) {
		this.records = records;
		this.catalog = catalog;
	}

	@Override
	public List<String> of(KinshipPrincipal principal) {
		return held(principal).stream().map(MedicationCard::name).filter(Objects::nonNull).toList();
	}

	/**
	 * A patient's own ingredients only: a caregiver's record is the person they care for,
	 * whose medicines are not the caregiver's to share.
	 */
	@Override
	public List<Treatment> ingredients(KinshipPrincipal principal) {
		if (principal.role() != KinshipRole.PATIENT) {
			return List.of();
		}
		Map<String, Treatment> ingredients = new TreeMap<>();
		for (MedicationCard card : held(principal)) {
			for (CodeCatalog.Entry entry : this.catalog.ingredients(card.rxnorm(), card.name())) {
				ingredients.putIfAbsent(entry.english(), new Treatment(entry.code(), entry.english(), entry.spanish()));
			}
		}
		return List.copyOf(ingredients.values());
	}

	private List<MedicationCard> held(KinshipPrincipal principal) {
		if (principal.patientId() == null || principal.role() == KinshipRole.CLINICIAN) {
			return List.of();
		}
		return this.records.held(principal).map((record) -> record.medications().items()).orElse(List.of());
	}

}
