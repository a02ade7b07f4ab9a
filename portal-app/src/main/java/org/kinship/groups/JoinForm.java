package org.kinship.groups;

/**
 * What a person chooses when joining a group.
 *
 * @param displayName the name to show in the group; a pseudonym is fine
 * @param useRealName show the name from the record instead
 * @param caregiverBadge show a caregiver badge (caregivers only)
 * @param acceptGuidelines whether the group's guidelines were accepted
 */
public record JoinForm(String displayName, boolean useRealName, boolean caregiverBadge, boolean acceptGuidelines) {

	/**
	 * An empty form.
	 * @return the form
	 */
	public static JoinForm blank() {
		return new JoinForm("", false, false, false);
	}

}
