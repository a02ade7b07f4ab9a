package org.kinship.careplan;

import java.util.List;
import java.util.Objects;

import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.MedicationCard;
import org.kinship.careplan.internal.SectionStatus;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * The active prescriptions of the member's own record, as the care-plan panel reads them
 * (the session's record when a few minutes old at most, else read live with the member's
 * token), for a check-in about them. Only a patient's own record: nothing for a caregiver
 * or a clinician, whose session's record is someone else's. Must be called on a request
 * thread of a launched session; the medicines are not stored here.
 */
@Component
public class ActiveMedicines {

	private final CarePlans plans;

	ActiveMedicines(CarePlans plans) {
		this.plans = plans;
	}

	/**
	 * The member's active medicines.
	 * @param principal the member
	 * @return the medicines with a name, in the record's order; {@link Read#OWN_ONLY} for
	 * someone whose session's record is not their own, {@link Read#UNAVAILABLE} when the
	 * record could not be read just now
	 */
	public Medicines of(KinshipPrincipal principal) {
		if (principal.patientId() == null || principal.role() != KinshipRole.PATIENT
				|| !principal.fhirUser().equals("Patient/" + principal.patientId())) {
			return new Medicines(Read.OWN_ONLY, List.of());
		}
		CarePlanRecord record = this.plans.current(principal);
		if (record.medications().status() != SectionStatus.SHOWN) {
			return new Medicines(Read.UNAVAILABLE, List.of());
		}
		List<Medicine> active = record.medications()
			.items()
			.stream()
			.filter((card) -> card.name() != null)
			.map(ActiveMedicines::medicine)
			.toList();
		return new Medicines(Read.READ, active);
	}

	private static Medicine medicine(MedicationCard card) {
		return new Medicine(card.id(), Objects.requireNonNull(card.name()));
	}

	/** Whether the record's medicines could be read. */
	public enum Read {

		/** Read: the list is the record's. */
		READ,
		/** The session's record is not the person's own. */
		OWN_ONLY,
		/** The EHR did not give them just now, or did not allow reading them. */
		UNAVAILABLE

	}

	/**
	 * The medicines read.
	 *
	 * @param read whether they could be
	 * @param active the active medicines, empty unless read
	 */
	public record Medicines(Read read, List<Medicine> active) {
	}

	/**
	 * One active prescription.
	 *
	 * @param id the MedicationRequest's id
	 * @param name the medicine in the record's words
	 */
	public record Medicine(String id, String name) {
	}

}
