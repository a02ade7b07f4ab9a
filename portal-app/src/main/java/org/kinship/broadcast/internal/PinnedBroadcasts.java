package org.kinship.broadcast.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.broadcast.InboxEntry;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * The broadcasts pinned at the top of a member's group pages: those not opened yet, and
 * those still waiting for "I have read this".
 */
@Component
class PinnedBroadcasts implements GroupPageSection {

	private static final int SHOWN = 3;

	private final BroadcastInbox inbox;

	PinnedBroadcasts(BroadcastInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public String name() {
		return "pinnedBroadcasts";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		List<InboxEntry> pinned = this.inbox.inbox(principal)
			.stream()
			.filter((entry) -> !entry.seen() || entry.awaitsAcknowledgement())
			.limit(SHOWN)
			.toList();
		return pinned;
	}

}
