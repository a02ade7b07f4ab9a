package org.kinship.chat.web;

import java.util.List;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControls.Controls;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The controls as a member's page shows them: answered by {@code GET
 * /chat/groups/{id}/controls} and written into the group's page for its script.
 *
 * @param locked whether the group is read-only
 * @param slowModeSeconds slow mode, {@code 0} for off
 * @param pinned the pinned messages
 * @param mayPost whether the composer is open to this person now
 * @param notices what the composer says, in the person's language
 * @param staff whether the person may change the controls
 */
record ControlsView(boolean locked, int slowModeSeconds, List<ChatMessage> pinned, boolean mayPost,
		List<String> notices, boolean staff) {

	static ControlsView of(Controls controls, MessageSource messages) {
		return new ControlsView(controls.locked(), controls.slowModeSeconds(), controls.pinned(), controls.mayPost(),
				controls.notices()
					.stream()
					.map((notice) -> messages.getMessage(notice.messageKey(), notice.arguments().toArray(),
							notice.messageKey(), LocaleContextHolder.getLocale()))
					.toList(),
				controls.staff());
	}

}
