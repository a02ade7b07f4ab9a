package org.kinship.chat;

import java.time.Instant;

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
 */
public record ChatMessage(long id, long groupId, long seq, String author, String clientId, String html,
		@Nullable Long replyTo, Instant createdAt, boolean edited, boolean deleted) {
}
