package org.kinship.careplan;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipRole;

/**
 * The care-plan panel's place on a group's page: the panel itself when the session holds
 * a fresh record, else what the page shows while its script loads the panel.
 *
 * @param groupSlug the group, for the panel's links
 * @param viewer whose eyes: a patient, a caregiver, or a clinician in a patient's chart
 * @param patientName the patient's name as read at launch, or {@code null}
 * @param panel the panel, or {@code null} while it is being read
 * @param scriptWaitMillis how long the page's script waits for the panel before saying it
 * could not be loaded
 */
public record CarePlanSlot(String groupSlug, KinshipRole viewer, @Nullable String patientName,
		@Nullable CarePlanPanel panel, long scriptWaitMillis) {

	/**
	 * Whether the panel is still to be loaded by the page's script.
	 * @return true when the page shows a place for it
	 */
	public boolean loading() {
		return this.panel == null;
	}

}
