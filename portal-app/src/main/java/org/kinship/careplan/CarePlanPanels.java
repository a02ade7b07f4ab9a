package org.kinship.careplan;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.careplan.internal.CarePlanProperties;
import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * The care-plan panel on a group's page, for members and the group's staff who have a
 * patient in context: a patient sees their own plan, a caregiver the plan of the person
 * they care for. A clinician never does: the patient whose chart they opened Kinship from
 * is for referring only, and has no place beside a group's discussion. Anyone else sees
 * no panel, and nothing is read for them.
 * <p>
 * The group's page never waits for the EHR: it shows the panel at once only when the
 * session holds a fresh record, and otherwise a place that the page's script fills from
 * {@link #read} when the record arrives.
 */
@Component
public class CarePlanPanels implements GroupPageSection {

	private final CarePlans plans;

	private final GroupDirectory directory;

	private final CarePlanProperties properties;

	CarePlanPanels(CarePlans plans, GroupDirectory directory, CarePlanProperties properties) {
		this.plans = plans;
		this.directory = directory;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "carePlan";
	}

	/**
	 * The panel's place on the group's page, filled when the session holds a fresh
	 * record. Reads nothing from the EHR.
	 */
	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!sees(principal, page)) {
			return null;
		}
		CarePlanPanel panel = this.plans.cached(principal).map((record) -> panel(principal, page, record)).orElse(null);
		// the script waits a little longer than the server, so that the server's answer
		// naming what did not arrive comes first
		long scriptWait = this.properties.panelTimeout().plusSeconds(15).toMillis();
		return new CarePlanSlot(page.group().slug(), principal.role(), principal.patientName(), panel, scriptWait);
	}

	/**
	 * The panel of a group's page, with the record read live unless the session holds a
	 * fresh one. Must be called on a request thread of a launched session.
	 * @param principal who looks at the page
	 * @param slug the group
	 * @return the panel, or empty when this person sees none on that group's page (no
	 * such group, not a member or staff, or no patient in context): nothing is read then
	 */
	public Optional<CarePlanPanel> read(KinshipPrincipal principal, String slug) {
		return this.directory.page(principal, slug)
			.filter((page) -> sees(principal, page))
			.map((page) -> panel(principal, page, this.plans.current(principal)));
	}

	private CarePlanPanel panel(KinshipPrincipal principal, GroupPage page, CarePlanRecord record) {
		boolean member = page.membership() != null && page.membership().status() == MembershipStatus.ACTIVE;
		return CarePlanPanel.of(page.group(), principal.role(), record,
				member && principal.role() != KinshipRole.CLINICIAN, this.properties.cardsShown());
	}

	private static boolean sees(KinshipPrincipal principal, GroupPage page) {
		return principal.patientId() != null && principal.role() != KinshipRole.CLINICIAN && page.mayReadMembers();
	}

}
