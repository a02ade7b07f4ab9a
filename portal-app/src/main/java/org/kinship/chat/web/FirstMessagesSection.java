package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.Chat;
import org.kinship.chat.web.ChatHttpController.History;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The newest page of a group's messages written into the group's page itself, as the
 * history request would answer it, so that a phone on a slow link shows them without the
 * round trip the script would otherwise make after it has loaded. The script reads it
 * once; older pages, catch-up and reconnects go through HTTP and the socket as before.
 * The JSON sits in a data block ({@code <script type="application/json">}, never run);
 * {@code <}, {@code >} and {@code &} are written as JSON escapes ({@link DataBlocks}), so
 * that no text in a message can close the block.
 */
@Component
class FirstMessagesSection implements GroupPageSection {

	private final Chat chat;

	private final ObjectWriter json;

	FirstMessagesSection(Chat chat, JsonMapper json) {
		this.chat = chat;
		this.json = DataBlocks.writer(json);
	}

	@Override
	public String name() {
		return "firstMessages";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		try {
			History history = History.of(this.chat, principal, page.group().id(), Long.MAX_VALUE);
			return this.json.writeValueAsString(history);
		}
		catch (Refused refused) {
			// no seat yet: the script asks, and is told, as before
			return null;
		}
	}

}
