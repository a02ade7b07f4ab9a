package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.Chat;
import org.kinship.chat.web.ChatHttpController.History;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The newest page of a group's messages written into the group's page itself, as the
 * history request would answer it, so that a phone on a slow link shows them without the
 * round trip the script would otherwise make after it has loaded. The script reads it
 * once; older pages, catch-up and reconnects go through HTTP and the socket as before.
 * The JSON sits in a data block ({@code <script type="application/json">}, never run);
 * {@code <}, {@code >} and {@code &} are written as JSON escapes, so that no text in a
 * message can close the block.
 */
@Component
class FirstMessagesSection implements GroupPageSection {

	private final Chat chat;

	private final JsonMapper json;

	FirstMessagesSection(Chat chat, JsonMapper json) {
		this.chat = chat;
		this.json = json;
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
			return dataBlock(this.json.writeValueAsString(history));
		}
		catch (Refused refused) {
			// no seat yet: the script asks, and is told, as before
			return null;
		}
	}

	static String dataBlock(String json) {
		// the messages' HTML has all three in nearly every message: the escapes are
		// counted first, so that the block is written once, at its own size (three
		// replacements copied the whole text three times)
		int escapes = 0;
		for (int i = 0; i < json.length(); i++) {
			if (escape(json.charAt(i)) != null) {
				escapes++;
			}
		}
		if (escapes == 0) {
			return json;
		}
		StringBuilder block = new StringBuilder(json.length() + escapes * 5);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			String escape = escape(c);
			if (escape != null) {
				block.append(escape);
			}
			else {
				block.append(c);
			}
		}
		return block.toString();
	}

	private static @Nullable String escape(char c) {
		return switch (c) {
			case '<' -> "\\u003c";
			case '>' -> "\\u003e";
			case '&' -> "\\u0026";
			default -> null;
		};
	}

}
