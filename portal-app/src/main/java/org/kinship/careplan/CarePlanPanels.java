package org.kinship.careplan;

import org.jspecify.annotations.Nullable;
import org.kinship.careplan.internal.CarePlanProperties;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * The care-plan panel on a group's page, for members and the group's staff who have a
 * patient in context: a patient sees their own plan, a caregiver the plan of the person
 * they care for, a clinician the plan of the patient whose chart they opened Kinship
 * from. Anyone else sees no panel, and nothing is read for them.
 */
@Component
class CarePlanPanels implements GroupPageSection {

	private final CarePlans plans;

	private final CarePlanProperties properties;

	CarePlanPanels(CarePlans plans, CarePlanProperties properties) {
		this.plans = plans;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "carePlan";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (principal.patientId() == null || !page.mayReadMembers()) {
			return null;
		}
		boolean member = page.membership() != null && page.membership().status() == MembershipStatus.ACTIVE;
		return CarePlanPanel.of(page.group(), principal.role(), this.plans.current(principal),
				member && principal.role() != KinshipRole.CLINICIAN, this.properties.cardsShown());
	}

}
