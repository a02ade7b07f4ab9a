package org.kinship.chat;

import java.util.Optional;

import org.kinship.shared.MarkdownRenderer;
import org.kinship.chat.internal.MessageStore;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilitators' decisions as they change a group's discussion. The caller has checked
 * that the person moderates the group; every change reaches the group's members live
 * after commit ({@link MessagePosted} for a message released from review,
 * {@link MessageChanged} otherwise).
 */
@Component
public class ChatModeration {

	private final MessageStore store;

	private final MarkdownRenderer markdown;

	private final ApplicationEventPublisher events;

	ChatModeration(MessageStore store, MarkdownRenderer markdown, ApplicationEventPublisher events) {
		this.store = store;
		this.markdown = markdown;
		this.events = events;
	}

	/**
	 * A message as moderators see it.
	 * @param groupId the group
	 * @param messageId the message
	 * @return the message, or empty when it is not in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<MessageForReview> find(long groupId, long messageId) {
		return this.store.forReview(groupId, messageId);
	}

	/**
	 * Lets a message be seen: a held one is published at the end of the discussion, a
	 * hidden one comes back where it was.
	 * @param groupId the group
	 * @param messageId the message
	 * @throws Refused when the message is not there, or was deleted or rejected
	 */
	@Transactional
	public void approve(long groupId, long messageId) {
		MessageForReview message = existing(groupId, messageId);
		switch (message.status()) {
			case MessageStore.HELD -> {
				this.store.release(groupId, messageId);
				this.events.publishEvent(new MessagePosted(current(groupId, messageId)));
			}
			case MessageStore.HIDDEN -> {
				this.store.setStatus(messageId, MessageStore.VISIBLE);
				this.events.publishEvent(new MessageChanged(current(groupId, messageId)));
			}
			case MessageStore.VISIBLE -> {
				// a flagged message kept as it is
			}
			default -> throw new Refused("review.error.gone");
		}
	}

	/**
	 * Replaces the text of a held or hidden message with the facilitator's edit, keeping
	 * the author's version, then approves it.
	 * @param groupId the group
	 * @param messageId the message
	 * @param text the edited Markdown
	 * @throws Refused when the text is empty or the message is gone
	 */
	@Transactional
	public void editAndApprove(long groupId, long messageId, String text) {
		existing(groupId, messageId);
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			throw new Refused("chat.error.empty");
		}
		this.store.edit(messageId, trimmed, this.markdown.render(trimmed), java.util.List.of());
		approve(groupId, messageId);
	}

	/**
	 * Takes a message out of the discussion: a held one is never delivered, a delivered
	 * one is shown as removed.
	 * @param groupId the group
	 * @param messageId the message
	 * @throws Refused when the message is not there
	 */
	@Transactional
	public void reject(long groupId, long messageId) {
		MessageForReview message = existing(groupId, messageId);
		if (message.held()) {
			this.store.setStatus(messageId, MessageStore.REJECTED);
			return;
		}
		this.store.setStatus(messageId, MessageStore.DELETED);
		this.events.publishEvent(new MessageChanged(current(groupId, messageId)));
	}

	/**
	 * Hides a delivered message until someone approves it again.
	 * @param groupId the group
	 * @param messageId the message
	 * @throws Refused when the message is not delivered
	 */
	@Transactional
	public void hide(long groupId, long messageId) {
		MessageForReview message = existing(groupId, messageId);
		if (!MessageStore.VISIBLE.equals(message.status())) {
			throw new Refused("review.error.not-visible");
		}
		this.store.setStatus(messageId, MessageStore.HIDDEN);
		this.events.publishEvent(new MessageChanged(current(groupId, messageId)));
	}

	private MessageForReview existing(long groupId, long messageId) {
		return this.store.forReview(groupId, messageId).orElseThrow(() -> new Refused("review.error.gone"));
	}

	private ChatMessage current(long groupId, long messageId) {
		return this.store.find(groupId, messageId).orElseThrow().message();
	}

}
