package org.kinship.careplan.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The parts of the record the panel reads, each a FHIR search. */
public enum Part {

	/** Active care plans and their activities. */
	PLANS("CarePlan"),
	/** Goals. */
	GOALS("Goal"),
	/** Active prescriptions. */
	MEDICATIONS("MedicationRequest"),
	/** Active conditions. */
	CONDITIONS("Condition"),
	/** The care team. */
	CARE_TEAM("CareTeam"),
	/** Upcoming appointments. */
	APPOINTMENTS("Appointment");

	private final String resourceType;

	Part(String resourceType) {
		this.resourceType = resourceType;
	}

	/**
	 * The FHIR resource type it searches.
	 * @return the type
	 */
	public String resourceType() {
		return this.resourceType;
	}

	/**
	 * Its name in URLs and element ids.
	 * @return for example {@code care-team}
	 */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The part a URL names.
	 * @param slug as {@link #slug()} gives it
	 * @return the part, if any
	 */
	public static Optional<Part> fromSlug(String slug) {
		return Arrays.stream(values()).filter((part) -> part.slug().equals(slug)).findFirst();
	}

}
