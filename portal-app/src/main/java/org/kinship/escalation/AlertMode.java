package org.kinship.escalation;

/**
 * How a health system's EHR is told of an urgent escalation
 * ({@code kinship.escalation.care-team-alerts.<issuer key>}).
 */
public enum AlertMode {

	/**
	 * A {@code Communication} (category alert, priority urgent) about the patient to the
	 * practitioners of the patient's active care teams: it lands in their inboxes.
	 */
	COMMUNICATION,
	/**
	 * A {@code Task} (intent order, priority urgent) for the patient, owned by the
	 * patient's active care team: it lands on the team's work list.
	 */
	TASK

}
