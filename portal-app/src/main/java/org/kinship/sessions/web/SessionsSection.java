package org.kinship.sessions.web;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.sessions.LiveSessions;

import org.springframework.stereotype.Component;

/**
 * The live, upcoming and past sessions on a group's page, for its members and staff.
 */
@Component
class SessionsSection implements GroupPageSection {

	private final LiveSessions sessions;

	SessionsSection(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public String name() {
		return "liveSessions";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		return this.sessions.view(principal, page.group().id()).orElse(null);
	}

}
