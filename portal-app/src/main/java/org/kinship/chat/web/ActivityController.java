package org.kinship.chat.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.Chat;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Presence;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/**
 * Presence and typing: {@code /app/groups/{id}/presence} from members who chose to show
 * as online (sent again every half minute), {@code /app/groups/{id}/typing} while someone
 * types. Each updates {@code /topic/groups/{id}/activity} on this node; the lists come
 * from marks shared through Redis, so every node shows the same names.
 */
@Controller
class ActivityController {

	static final java.time.Duration ONLINE = java.time.Duration.ofSeconds(70);

	static final java.time.Duration TYPING = java.time.Duration.ofSeconds(6);

	private final Chat chat;

	private final Presence presence;

	private final LivePages pages;

	ActivityController(Chat chat, Presence presence, LivePages pages) {
		this.chat = chat;
		this.presence = presence;
		this.pages = pages;
	}

	@MessageMapping("/groups/{groupId}/presence")
	void presence(@DestinationVariable long groupId, @Payload PresenceUpdate update, Principal user) {
		nameIn(user, groupId).ifPresent((name) -> {
			this.presence.mark("online", groupId, name, ONLINE, Boolean.TRUE.equals(update.visible()));
			publish(groupId);
		});
	}

	@MessageMapping("/groups/{groupId}/typing")
	void typing(@DestinationVariable long groupId, Principal user) {
		nameIn(user, groupId).ifPresent((name) -> {
			this.presence.mark("typing", groupId, name, TYPING, true);
			publish(groupId);
		});
	}

	private java.util.Optional<String> nameIn(@Nullable Principal user, long groupId) {
		return CurrentPrincipal.from(user).flatMap((principal) -> this.chat.nameIn(principal, groupId));
	}

	private void publish(long groupId) {
		this.pages.toTopic("/topic/groups/" + groupId + "/activity",
				new Activity(this.presence.current("online", groupId), this.presence.current("typing", groupId)));
	}

	/**
	 * A member's choice to show as online.
	 *
	 * @param visible show, or stop showing
	 */
	record PresenceUpdate(@Nullable Boolean visible) {
	}

	/**
	 * Who is online and who is typing.
	 *
	 * @param online members who chose to show as online
	 * @param typing members typing now
	 */
	record Activity(java.util.List<String> online, java.util.List<String> typing) {
	}

}
