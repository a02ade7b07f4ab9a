package org.kinship.chat.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.MyDataPart;

import org.springframework.stereotype.Component;

/**
 * A member's own messages in their download: every message they wrote in their health
 * system's groups and have not deleted, groups they left included, with the group's name,
 * the text as they typed it and what moderation made of it.
 */
@Component
class MyMessages implements MyDataPart {

	private final GroupDirectory groups;

	private final MessageStore messages;

	MyMessages(GroupDirectory groups, MessageStore messages) {
		this.groups = groups;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "messages";
	}

	@Override
	public List<Mine> of(String issuer, String fhirUser) {
		Map<Long, String> names = this.groups.names(issuer);
		return this.messages.writtenBy(names.keySet(), fhirUser)
			.stream()
			.map((message) -> new Mine(message.id(), names.get(message.groupId()), message.text(), message.replyTo(),
					message.status().toLowerCase(Locale.ROOT), message.postedAt(), message.editedAt()))
			.toList();
	}

	/**
	 * One message.
	 *
	 * @param id the message
	 * @param group its group's name
	 * @param text what the member typed
	 * @param replyTo the message it answers, if any
	 * @param status {@code visible}, or {@code held}, {@code hidden} or {@code rejected}
	 * by moderation
	 * @param postedAt when
	 * @param editedAt when last edited, if ever
	 */
	record Mine(long id, String group, String text, @Nullable Long replyTo, String status, Instant postedAt,
			@Nullable Instant editedAt) {
	}

}
