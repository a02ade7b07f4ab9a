package org.kinship.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message as members receive it: the author's chosen name, never their record.
 *
 * @param id the stored id
 * @param groupId the group
 * @param seq the group's sequence number, growing with every stored message
 * @param author the author's name in the group
 * @param clientId the sender's own id for the message
 * @param html the message, rendered from its Markdown and sanitized
 * @param replyTo the message this one answers, or {@code null}
 * @param createdAt when it was stored
 * @param edited whether it was edited
 * @param deleted whether its author or a moderator deleted it (then {@code html} is
 * empty)
 * @param mentions the names of the members it mentions with {@code @name}
 * @param reactions for each reaction, the names of the members who gave it
 */
public record ChatMessage(long id, long groupId, long seq, String author, String clientId, String html,
		@Nullable Long replyTo, Instant createdAt, boolean edited, boolean deleted, List<String> mentions,
		Map<String, List<String>> reactions) {

	/**
	 * The same message with other reactions.
	 * @param reactions the reactions
	 * @return the message
	 */
	public ChatMessage withReactions(Map<String, List<String>> reactions) {
		return new ChatMessage(this.id, this.groupId, this.seq, this.author, this.clientId, this.html, this.replyTo,
				this.createdAt, this.edited, this.deleted, this.mentions, reactions);
	}

}
