package org.kinship.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.kinship.chat.internal.ChatProperties;
import org.kinship.chat.internal.MarkdownRenderer;
import org.kinship.chat.internal.MessageStore;
import org.kinship.chat.internal.RateLimiter;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Screening;
import org.kinship.moderation.Screening.Outcome;
import org.kinship.moderation.Screening.Verdict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending, catching up and reading in a group's discussion. Every call checks on the
 * server that the person has a seat in the group.
 */
@Component
public class Chat {

	/**
	 * The WebSocket session attribute that holds the locale of the page that opened the
	 * socket, for refusals in the member's language.
	 */
	public static final String LOCALE_ATTRIBUTE = "kinship.locale";

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private final GroupDirectory groups;

	private final MessageStore store;

	private final RateLimiter rateLimiter;

	private final Screening screening;

	private final MarkdownRenderer markdown;

	private final ChatProperties properties;

	private final ApplicationEventPublisher events;

	Chat(GroupDirectory groups, MessageStore store, RateLimiter rateLimiter, Screening screening,
			MarkdownRenderer markdown, ChatProperties properties, ApplicationEventPublisher events) {
		this.groups = groups;
		this.store = store;
		this.rateLimiter = rateLimiter;
		this.screening = screening;
		this.markdown = markdown;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Screens, stores and publishes a message. Returns only once the message is
	 * committed; {@link MessagePosted} is published inside the transaction for listeners
	 * that act after commit. A retry with the same client id returns the stored message
	 * and stores nothing.
	 * @param principal the sender
	 * @param groupId the group
	 * @param command the message
	 * @return the stored message
	 * @throws ChatRefusal when the sender may not send or the message is not acceptable;
	 * nothing is stored then
	 * @throws org.springframework.dao.DataAccessException when the database fails;
	 * nothing is stored then either
	 */
	@Transactional
	public SendResult send(KinshipPrincipal principal, long groupId, SendCommand command) {
		Seat seat = seat(principal, groupId);
		if (seat.status() != GroupStatus.OPEN) {
			throw new ChatRefusal("chat.error.locked");
		}
		if (!CLIENT_ID.matcher(command.clientId()).matches()) {
			throw new ChatRefusal("chat.error.client-id");
		}
		var earlier = this.store.findByClientId(groupId, principal.fhirUser(), command.clientId());
		if (earlier.isPresent()) {
			return new SendResult(earlier.get().message(), MessageStore.HELD.equals(earlier.get().status()), true);
		}
		String text = checkedText(command.text());
		if (command.replyTo() != null && !this.store.exists(groupId, command.replyTo())) {
			throw new ChatRefusal("chat.error.reply-to");
		}
		if (!this.rateLimiter.tryAcquire(principal.issuer() + " " + principal.fhirUser())) {
			throw new ChatRefusal("chat.error.rate", this.properties.rateLimitMessages(),
					this.properties.rateLimitWindow().toSeconds());
		}
		Verdict verdict = this.screening
			.screen(new Screening.Submission(principal.issuer(), groupId, principal.fhirUser(), text));
		if (verdict.outcome() == Outcome.REFUSE) {
			throw new ChatRefusal((verdict.reasonKey() != null) ? verdict.reasonKey() : "chat.error.refused");
		}
		boolean held = verdict.outcome() == Outcome.HOLD;
		ChatMessage draft = new ChatMessage(0, groupId, this.store.nextSeq(groupId), seat.displayName(),
				command.clientId(), this.markdown.render(text), command.replyTo(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), false, false);
		ChatMessage stored = this.store.insert(draft, principal.fhirUser(), text,
				held ? MessageStore.HELD : MessageStore.VISIBLE);
		if (!held) {
			this.events.publishEvent(new MessagePosted(stored));
		}
		return new SendResult(stored, held, false);
	}

	/**
	 * Everything delivered after a sequence number, oldest first, a page at a time.
	 * @param principal who asks
	 * @param groupId the group
	 * @param afterSeq the last sequence number the client saw
	 * @return the messages and whether the client is now up to date
	 * @throws ChatRefusal when the person has no seat in the group
	 */
	@Transactional(readOnly = true)
	public CatchUp since(KinshipPrincipal principal, long groupId, long afterSeq) {
		seat(principal, groupId);
		int page = this.properties.catchUpPage();
		List<ChatMessage> messages = this.store.after(groupId, afterSeq, page);
		return new CatchUp(groupId, messages, messages.size() < page);
	}

	/**
	 * A page of history before a sequence number, oldest first.
	 * @param principal who asks
	 * @param groupId the group
	 * @param beforeSeq the oldest sequence number shown, or {@link Long#MAX_VALUE} for
	 * the newest page
	 * @return the messages
	 * @throws ChatRefusal when the person has no seat in the group
	 */
	@Transactional(readOnly = true)
	public List<ChatMessage> history(KinshipPrincipal principal, long groupId, long beforeSeq) {
		seat(principal, groupId);
		return this.store.before(groupId, beforeSeq, this.properties.historyPage());
	}

	/**
	 * Where the person stopped reading, and how many messages came since.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the marker
	 * @throws ChatRefusal when the person has no seat in the group
	 */
	@Transactional(readOnly = true)
	public ReadState readState(KinshipPrincipal principal, long groupId) {
		seat(principal, groupId);
		long last = this.store.lastSeq(groupId);
		long read = Math.min(this.store.lastRead(groupId, principal.fhirUser()), last);
		return new ReadState(read, last - read);
	}

	/**
	 * Moves the person's read marker forward.
	 * @param principal who read
	 * @param groupId the group
	 * @param seq the last sequence number seen
	 * @throws ChatRefusal when the person has no seat in the group
	 */
	@Transactional
	public void markRead(KinshipPrincipal principal, long groupId, long seq) {
		seat(principal, groupId);
		this.store.markRead(groupId, principal.fhirUser(), Math.min(seq, this.store.lastSeq(groupId)));
	}

	/**
	 * Unread counts of several groups: one read per group, however many messages.
	 * @param principal who asks
	 * @param groupIds the groups
	 * @return unread messages by group id
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Long> unread(KinshipPrincipal principal, java.util.Collection<Long> groupIds) {
		java.util.Map<Long, Long> unread = new java.util.HashMap<>();
		for (long groupId : groupIds) {
			long last = this.store.lastSeq(groupId);
			unread.put(groupId, Math.max(0, last - this.store.lastRead(groupId, principal.fhirUser())));
		}
		return unread;
	}

	/**
	 * Whether the person may follow a group's discussion.
	 * @param principal who asks
	 * @param groupId the group
	 * @return true for active members and the group's staff
	 */
	public boolean mayFollow(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).isPresent();
	}

	private Seat seat(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).orElseThrow(() -> new ChatRefusal("chat.error.not-member"));
	}

	private String checkedText(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			throw new ChatRefusal("chat.error.empty");
		}
		if (trimmed.length() > this.properties.maxLength()) {
			throw new ChatRefusal("chat.error.too-long", this.properties.maxLength(), trimmed.length());
		}
		return trimmed;
	}

	/**
	 * A catch-up reply.
	 *
	 * @param groupId the group
	 * @param messages the messages, oldest first
	 * @param upToDate whether nothing newer is stored
	 */
	public record CatchUp(long groupId, List<ChatMessage> messages, boolean upToDate) {
	}

	/**
	 * How far a person has read.
	 *
	 * @param lastReadSeq the last sequence number read
	 * @param unread how many messages came after it
	 */
	public record ReadState(long lastReadSeq, long unread) {
	}

}
