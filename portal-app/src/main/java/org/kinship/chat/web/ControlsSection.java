package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.GroupControls;
import org.kinship.chat.GroupControls.Controls;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * A group's controls on its page: what the composer says and whether it is open, for
 * everyone with a seat; the "Group controls" forms (slow mode, lock) the template shows
 * to the group's staff only.
 */
@Component
class ControlsSection implements GroupPageSection {

	private final GroupControls controls;

	ControlsSection(GroupControls controls) {
		this.controls = controls;
	}

	@Override
	public String name() {
		return "groupControls";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		try {
			return this.controls.controls(principal, page.group().id());
		}
		catch (Refused refused) {
			return null;
		}
	}

}
