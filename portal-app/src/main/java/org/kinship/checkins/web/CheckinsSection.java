package org.kinship.checkins.web;

import org.jspecify.annotations.Nullable;
import org.kinship.checkins.Checkins;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The group's check-ins on its page: what is due for a member, the choice of check-ins
 * for its staff.
 */
@Component
class CheckinsSection implements GroupPageSection {

	private final Checkins checkins;

	CheckinsSection(Checkins checkins) {
		this.checkins = checkins;
	}

	@Override
	public String name() {
		return "checkins";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		return this.checkins.ofGroup(principal, page.group().id(), LocaleContextHolder.getLocale());
	}

}
