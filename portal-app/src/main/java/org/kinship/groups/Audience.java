package org.kinship.groups;

import org.kinship.launch.KinshipRole;

/** Who a group is for. */
public enum Audience {

	/** People living with the condition. */
	PATIENTS,
	/** People caring for someone with the condition. */
	CAREGIVERS,
	/** Both. */
	EVERYONE;

	/**
	 * Whether someone who launched in a role may join. Clinicians may join any group,
	 * with a Clinician badge.
	 * @param role the launch role
	 * @return true if the group is for them
	 */
	public boolean admits(KinshipRole role) {
		return switch (role) {
			case PATIENT -> this != CAREGIVERS;
			case CAREGIVER -> this != PATIENTS;
			case CLINICIAN -> true;
		};
	}

}
