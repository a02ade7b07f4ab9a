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
 * @param quote the message this one answers as members see it now, or {@code null} for a
 * message that answers none
 * @param threadRoot the first message of the thread this reply belongs to, or
 * {@code null} for a message that answers none
 * @param replies how many delivered replies its thread has, for a thread's first message
 * @param treatment the medicine ingredient its author tagged it with, or {@code null}
 * (also for a deleted message)
 */
public record ChatMessage(long id, long groupId, long seq, String author, String clientId, String html,
		@Nullable Long replyTo, Instant createdAt, boolean edited, boolean deleted, List<String> mentions,
		Map<String, List<String>> reactions, @Nullable Quote quote, @Nullable Long threadRoot, int replies,
		@Nullable Treatment treatment) {

	/**
	 * A message without thread: the shape of a new message before it is stored.
	 * @param id the stored id
	 * @param groupId the group
	 * @param seq the sequence number
	 * @param author the author's name in the group
	 * @param clientId the sender's own id
	 * @param html the rendered text
	 * @param replyTo the message answered, or {@code null}
	 * @param createdAt when it was stored
	 * @param edited whether it was edited
	 * @param deleted whether it was deleted
	 * @param mentions the names it mentions
	 * @param reactions its reactions
	 */
	public ChatMessage(long id, long groupId, long seq, String author, String clientId, String html,
			@Nullable Long replyTo, Instant createdAt, boolean edited, boolean deleted, List<String> mentions,
			Map<String, List<String>> reactions) {
		this(id, groupId, seq, author, clientId, html, replyTo, createdAt, edited, deleted, mentions, reactions, null,
				null, 0, null);
	}

	/**
	 * The same message with other reactions.
	 * @param reactions the reactions
	 * @return the message
	 */
	public ChatMessage withReactions(Map<String, List<String>> reactions) {
		return new ChatMessage(this.id, this.groupId, this.seq, this.author, this.clientId, this.html, this.replyTo,
				this.createdAt, this.edited, this.deleted, this.mentions, reactions, this.quote, this.threadRoot,
				this.replies, this.treatment);
	}

	/**
	 * The same message in its thread.
	 * @param quote the message it answers, as members see it
	 * @param threadRoot the thread's first message
	 * @return the message
	 */
	public ChatMessage inThread(@Nullable Quote quote, @Nullable Long threadRoot) {
		return new ChatMessage(this.id, this.groupId, this.seq, this.author, this.clientId, this.html, this.replyTo,
				this.createdAt, this.edited, this.deleted, this.mentions, this.reactions, quote, threadRoot,
				this.replies, this.treatment);
	}

	/**
	 * The message a reply answers, as every member sees it: an excerpt of its text, or
	 * only that it was removed (deleted by its author, hidden or rejected by a
	 * facilitator), with no text.
	 *
	 * @param id the message answered
	 * @param author its author's name in the group
	 * @param excerpt the start of its text, plain, at most 140 characters; empty when
	 * removed
	 * @param removed whether it is no longer shown
	 */
	public record Quote(long id, String author, String excerpt, boolean removed) {
	}

}
