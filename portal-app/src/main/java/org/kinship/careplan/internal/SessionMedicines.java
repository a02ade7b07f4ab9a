package org.kinship.careplan.internal;

import java.util.List;
import java.util.Objects;

import org.kinship.chat.SenderMedicines;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * The medicines of the record this session already read, for screening a member's
 * message: a patient's own, a caregiver's person's. Nothing for a clinician, whose "my
 * medicine" is not the patient's, and nothing when the session holds no record; the EHR
 * is never read for it.
 */
@Component
class SessionMedicines implements SenderMedicines {

	private final SessionRecords records;

	SessionMedicines(SessionRecords records) {
		this.records = records;
	}

	@Override
	public List<String> of(KinshipPrincipal principal) {
		if (principal.patientId() == null || principal.role() == KinshipRole.CLINICIAN) {
			return List.of();
		}
		return this.records.held(principal)
			.map((record) -> record.medications()
				.items()
				.stream()
				.map(MedicationCard::name)
				.filter(Objects::nonNull)
				.toList())
			.orElse(List.of());
	}

}
