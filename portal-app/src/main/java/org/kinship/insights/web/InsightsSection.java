package org.kinship.insights.web;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * The way to a group's insights from its page, for its members and staff.
 */
@Component
class InsightsSection implements GroupPageSection {

	@Override
	public String name() {
		return "insights";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		return page.mayReadMembers() ? page.group().id() : null;
	}

}
