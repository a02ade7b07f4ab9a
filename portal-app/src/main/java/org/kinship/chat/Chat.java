package org.kinship.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.MarkdownRenderer;
import org.kinship.chat.internal.ChatProperties;
import org.kinship.chat.internal.MessageStore;
import org.kinship.chat.internal.RateLimiter;
import org.kinship.chat.internal.SendWriter;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.groups.GroupStatus;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Admission;
import org.kinship.moderation.Flags;
import org.kinship.moderation.Moderation;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Posting;
import org.kinship.moderation.Refusal;
import org.kinship.moderation.Screening;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sending, catching up and reading in a group's discussion. Every call checks on the
 * server that the person has a seat in the group.
 */
@Component
public class Chat {

	/** The reactions members can give. */
	public static final List<String> REACTIONS = List.of("👍", "❤️", "🙏", "🤗", "😢");

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private final GroupDirectory groups;

	private final MessageStore store;

	private final RateLimiter rateLimiter;

	private final Screening screening;

	private final MarkdownRenderer markdown;

	private final ChatProperties properties;

	private final ApplicationEventPublisher events;

	private final Moderation moderation;

	private final List<PostingRule> rules;

	private final List<SenderMedicines> medicines;

	private final SendWriter writer;

	private final Clock clock;

	private final Counter storedVisible;

	private final Counter storedHeld;

	Chat(GroupDirectory groups, MessageStore store, RateLimiter rateLimiter, Screening screening,
			MarkdownRenderer markdown, ChatProperties properties, ApplicationEventPublisher events,
			Moderation moderation, List<PostingRule> rules, List<SenderMedicines> medicines, SendWriter writer,
			Clock clock, MeterRegistry meters) {
		this.groups = groups;
		this.store = store;
		this.rateLimiter = rateLimiter;
		this.screening = screening;
		this.markdown = markdown;
		this.properties = properties;
		this.events = events;
		this.moderation = moderation;
		this.rules = rules;
		this.medicines = medicines;
		this.writer = writer;
		this.clock = clock;
		this.storedVisible = stored(meters, "visible");
		this.storedHeld = stored(meters, "held");
	}

	/** Messages stored by sends, by whether they were delivered or held for review. */
	private static Counter stored(MeterRegistry meters, String status) {
		return Counter.builder("kinship.messages.stored")
			.description("Chat messages stored, delivered (visible) or held for review")
			.tag("status", status)
			.register(meters);
	}

	/**
	 * Screens, stores and publishes a message. Returns only once the message is
	 * committed; {@link MessagePosted} is published inside the transaction for listeners
	 * that act after commit. A retry with the same client id returns the stored message
	 * and stores nothing. What may be read before the message's transaction is read on
	 * the caller's thread (the seat, the sanctions, a retry, screening, the Markdown);
	 * the posting rules, the sequence number and the writes run in a transaction shared
	 * with the messages sent at the same moment ({@link SendWriter}), or in the caller's
	 * transaction when there is one.
	 * @param principal the sender
	 * @param groupId the group
	 * @param command the message
	 * @return the stored message
	 * @throws Refused when the sender may not send (not a member, a locked group, the
	 * rate limit, or a {@link PostingRule} such as slow mode or a facilitator-only live
	 * session) or the message is not acceptable, such as a treatment that is not one of
	 * the sender's own medicines; nothing is stored then
	 * @throws org.springframework.dao.DataAccessException when the database fails;
	 * nothing is stored then either
	 */
	public SendResult send(KinshipPrincipal principal, long groupId, SendCommand command) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.forbidden("chat.error.not-member"));
		// the message's one call into moderation (one read of the sanctions); its answers
		// are asked for in the order of the checks below
		Admission admission = this.moderation
			.admit(new Posting(principal.issuer(), groupId, principal.fhirUser(), seat.staff(), command.text().strip(),
					() -> this.store.published(groupId, principal.fhirUser()), medicines(principal)));
		refuse(admission.keptOut());
		if (seat.status() != GroupStatus.OPEN) {
			throw new Refused("chat.error.locked");
		}
		if (!CLIENT_ID.matcher(command.clientId()).matches()) {
			throw new Refused("chat.error.client-id");
		}
		var earlier = this.store.findByClientId(groupId, principal.fhirUser(), command.clientId());
		if (earlier.isPresent()) {
			return SendResult.repeated(earlier.get().message(), MessageStore.HELD.equals(earlier.get().status()));
		}
		refuse(admission.muted());
		checkedText(command.text());
		Treatment treatment = ownTreatment(principal, command.treatment());
		MessageStore.Threading threading = (command.replyTo() != null)
				? this.store.threading(groupId, command.replyTo()).orElseThrow(() -> new Refused("chat.error.reply-to"))
				: null;
		if (!this.rateLimiter.tryAcquire(principal.issuer() + " " + principal.fhirUser())) {
			throw new Refused("chat.error.rate", this.properties.rateLimitMessages(),
					this.properties.rateLimitWindow().toSeconds());
		}
		// screening and the Markdown on this thread: the writer's thread only writes
		Verdict verdict = admission.verdict();
		if (verdict.outcome() == Outcome.REFUSE) {
			throw new Refused((verdict.reasonKey() != null) ? verdict.reasonKey() : "chat.error.refused",
					verdict.reasonArgs().toArray());
		}
		boolean held = verdict.outcome() == Outcome.HOLD;
		String storedText = verdict.text();
		String html = this.markdown.render(storedText);
		List<String> mentioned = mentions(seat, storedText);
		ChatMessage stored;
		try {
			stored = this.writer.write(groupId, () -> {
				// the rules that record something (slow mode's pace, a live session's
				// attendance) do it in the message's transaction
				checkPostingRules(principal, seat);
				// the group's sequence number is taken last: it locks the group's row
				// until commit, and every other send to the group waits for that
				ChatMessage draft = new ChatMessage(0, groupId, this.store.nextSeq(groupId), seat.displayName(),
						command.clientId(), html, command.replyTo(),
						this.clock.instant().truncatedTo(ChronoUnit.MILLIS), false, false, mentioned, Map.of(),
						(threading != null) ? threading.quote() : null, (threading != null) ? threading.root() : null,
						0, treatment);
				ChatMessage message = this.store.insert(draft, principal.fhirUser(), storedText,
						held ? MessageStore.HELD : MessageStore.VISIBLE);
				if (!held) {
					// in memory after commit, not the event registry: a row per message
					// would cost every send a write
					this.events.publishEvent(new MessagePosted(message));
				}
				admission.record(message.id());
				return message;
			});
		}
		catch (DuplicateKeyException ex) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				// the caller's transaction took a sequence number for nothing: it must
				// not commit
				throw ex;
			}
			// the same message sent twice at once, from two devices or a retry: the
			// first one stored is the answer to both
			var first = this.store.findByClientId(groupId, principal.fhirUser(), command.clientId())
				.orElseThrow(() -> ex);
			return SendResult.repeated(first.message(), MessageStore.HELD.equals(first.status()));
		}
		(held ? this.storedHeld : this.storedVisible).increment();
		// a member who may be in crisis is shown the help panel and nothing else: no
		// welcome, no word of a hold
		boolean told = held && !verdict.crisis();
		return new SendResult(stored, held, false, verdict.crisis(), told ? verdict.reasonKey() : null,
				told ? verdict.reasonArgs() : List.of());
	}

	/**
	 * Edits one's own message; the earlier version is kept for moderators.
	 * @param principal the author
	 * @param groupId the group
	 * @param messageId the message
	 * @param text the new text
	 * @return the message as it now is, also published as {@link MessageChanged}
	 * @throws Refused when the message is not the person's own or the text is not
	 * acceptable
	 */
	@Transactional
	public ChatMessage edit(KinshipPrincipal principal, long groupId, long messageId, String text) {
		Seat seat = openSeat(principal, groupId);
		MessageStore.Owned owned = this.store.find(groupId, messageId)
			.filter((found) -> !MessageStore.DELETED.equals(found.status()))
			.orElseThrow(() -> new Refused("chat.error.no-message"));
		if (!owned.author().equals(principal.fhirUser())) {
			throw new Refused("chat.error.not-author");
		}
		String checked = checkedText(text);
		Verdict verdict = this.screening.screen(new Submission(principal.issuer(), groupId, principal.fhirUser(),
				checked, Integer.MAX_VALUE, seat.staff(), medicines(principal)));
		if (verdict.outcome() != Outcome.ALLOW && verdict.outcome() != Outcome.FLAG) {
			throw new Refused((verdict.outcome() == Outcome.REFUSE && verdict.reasonKey() != null) ? verdict.reasonKey()
					: "chat.error.edit-refused", verdict.reasonArgs().toArray());
		}
		checked = verdict.text();
		this.store.edit(messageId, checked, this.markdown.render(checked), mentions(seat, checked));
		return changed(groupId, messageId);
	}

	/**
	 * Deletes a message softly: members see that it was deleted, moderators keep it.
	 * @param principal its author, or a facilitator or community manager of the group
	 * @param groupId the group
	 * @param messageId the message
	 * @return the message as it now is, also published as {@link MessageChanged}
	 * @throws Refused when the person may not delete it
	 */
	@Transactional
	public ChatMessage delete(KinshipPrincipal principal, long groupId, long messageId) {
		Seat seat = seat(principal, groupId);
		MessageStore.Owned owned = this.store.find(groupId, messageId)
			.orElseThrow(() -> new Refused("chat.error.no-message"));
		if (!owned.author().equals(principal.fhirUser()) && !seat.staff()) {
			throw new Refused("chat.error.not-author");
		}
		this.store.delete(messageId);
		return changed(groupId, messageId);
	}

	/**
	 * Gives or takes back a reaction.
	 * @param principal a member
	 * @param groupId the group
	 * @param messageId the message
	 * @param emoji one of {@link #REACTIONS}
	 * @param on give it, or take it back
	 * @return the message as it now is, also published as {@link MessageChanged}
	 * @throws Refused for another reaction or a message that is not there
	 */
	@Transactional
	public ChatMessage react(KinshipPrincipal principal, long groupId, long messageId, String emoji, boolean on) {
		Seat seat = openSeat(principal, groupId);
		if (!REACTIONS.contains(emoji)) {
			throw new Refused("chat.error.reaction");
		}
		this.store.find(groupId, messageId)
			.filter((found) -> MessageStore.VISIBLE.equals(found.status()))
			.orElseThrow(() -> new Refused("chat.error.no-message"));
		this.store.react(messageId, principal.fhirUser(), seat.displayName(), emoji, on);
		return changed(groupId, messageId);
	}

	/**
	 * A member flags someone else's message for the group's facilitators. The message is
	 * hidden until reviewed once as many members as the group's setting asks have flagged
	 * it.
	 * @param principal a member
	 * @param groupId the group
	 * @param messageId the message
	 * @param reason why
	 * @return whether the message is now hidden
	 * @throws Refused for one's own message or a message that is not there
	 */
	@Transactional
	public boolean flag(KinshipPrincipal principal, long groupId, long messageId, Flags.FlagReason reason) {
		seat(principal, groupId);
		MessageStore.Owned owned = this.store.find(groupId, messageId)
			.filter((found) -> MessageStore.VISIBLE.equals(found.status()))
			.orElseThrow(() -> new Refused("chat.error.no-message"));
		if (owned.author().equals(principal.fhirUser())) {
			throw new Refused("chat.error.own-message");
		}
		boolean hide = this.moderation.flag(principal.issuer(), groupId, messageId, owned.author(),
				principal.fhirUser(), reason);
		if (hide) {
			this.store.setStatus(messageId, MessageStore.HIDDEN);
			changed(groupId, messageId);
		}
		return hide;
	}

	/**
	 * Asks every {@link PostingRule} (slow mode, live sessions) whether the person may
	 * post now; the first refusal stops the message.
	 */
	private void checkPostingRules(KinshipPrincipal principal, Seat seat) {
		// in whole milliseconds, as messages and paces are stored: the database rounds a
		// finer time, and a pace rounded up would make the next send wait a second more
		PostingRule.Poster poster = new PostingRule.Poster(principal, seat,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		for (PostingRule rule : this.rules) {
			java.util.Optional<Refused> refusal = rule.check(poster);
			if (refusal.isPresent()) {
				throw refusal.get();
			}
		}
	}

	private ChatMessage changed(long groupId, long messageId) {
		ChatMessage now = this.store.find(groupId, messageId).orElseThrow().message();
		this.events.publishEvent(new MessageChanged(now));
		return now;
	}

	private Seat openSeat(KinshipPrincipal principal, long groupId) {
		Seat seat = seat(principal, groupId);
		if (seat.status() != GroupStatus.OPEN) {
			throw new Refused("chat.error.locked");
		}
		return seat;
	}

	private List<String> mentions(Seat seat, String text) {
		if (text.indexOf('@') < 0) {
			return List.of();
		}
		String folded = text.toLowerCase(Locale.ROOT);
		return this.groups.memberNames(seat)
			.stream()
			.filter((name) -> folded.contains("@" + name.toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * Everything delivered after a sequence number, oldest first, a page at a time.
	 * @param principal who asks
	 * @param groupId the group
	 * @param afterSeq the last sequence number the client saw
	 * @return the messages and whether the client is now up to date
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
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
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ChatMessage> history(KinshipPrincipal principal, long groupId, long beforeSeq) {
		seat(principal, groupId);
		return this.store.before(groupId, beforeSeq, this.properties.historyPage());
	}

	/**
	 * A thread: the message that started it and its delivered replies, oldest first, as
	 * the discussion shows them.
	 * @param principal who asks
	 * @param groupId the group
	 * @param messageId the thread's first message, or any reply in it
	 * @return the messages, the first one first
	 * @throws Refused when the person has no seat in the group; not found when the
	 * message is not a delivered message of the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ChatMessage> thread(KinshipPrincipal principal, long groupId, long messageId) {
		seat(principal, groupId);
		long root = this.store.threading(groupId, messageId)
			.map(MessageStore.Threading::root)
			.orElseThrow(() -> Refused.notFound("chat.error.no-message"));
		List<ChatMessage> thread = this.store.thread(groupId, root, this.properties.catchUpPage());
		if (thread.isEmpty()) {
			throw Refused.notFound("chat.error.no-message");
		}
		return thread;
	}

	/**
	 * Where the person stopped reading, and how many messages came since.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the marker
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public ReadState readState(KinshipPrincipal principal, long groupId) {
		seat(principal, groupId);
		long[] readAndLast = this.store.readAndLast(groupId, principal.fhirUser());
		long last = readAndLast[1];
		long read = Math.min(readAndLast[0], last);
		return new ReadState(read, last - read);
	}

	/**
	 * Moves the person's read marker forward.
	 * @param principal who read
	 * @param groupId the group
	 * @param seq the last sequence number seen
	 * @throws Refused when the person has no seat in the group
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
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public java.util.Map<Long, Long> unread(KinshipPrincipal principal, java.util.Collection<Long> groupIds) {
		java.util.Map<Long, Long> unread = new java.util.HashMap<>();
		for (long groupId : groupIds) {
			long[] readAndLast = this.store.readAndLast(groupId, principal.fhirUser());
			unread.put(groupId, Math.max(0, readAndLast[1] - readAndLast[0]));
		}
		return unread;
	}

	/**
	 * The name the person goes by in a group.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the name, or empty without a seat in the group
	 */
	public java.util.Optional<String> nameIn(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).map(Seat::displayName);
	}

	/**
	 * The names the group's active members go by there, for mentioning them.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the names, sorted
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<String> memberNames(KinshipPrincipal principal, long groupId) {
		return this.groups.memberNames(seat(principal, groupId))
			.stream()
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	/**
	 * Whether the person may follow a group's discussion.
	 * @param principal who asks
	 * @param groupId the group
	 * @return true for active members and the group's staff
	 */
	public boolean mayFollow(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).isPresent()
				&& this.moderation.mayRead(principal.issuer(), groupId, principal.fhirUser());
	}

	/**
	 * Whether the person moderates a group: follows its review queue and decides there.
	 * @param principal who asks
	 * @param groupId the group
	 * @return true for the group's facilitators and the community's managers
	 */
	public boolean mayModerate(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).filter(Seat::staff).isPresent();
	}

	/**
	 * The sequence numbers of the messages stored in a time span, such as a live session.
	 * @param principal who asks
	 * @param groupId the group
	 * @param from the start, included
	 * @param to the end, excluded
	 * @return the first and last sequence numbers, or empty when nothing was posted then
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public java.util.Optional<SeqRange> postedBetween(KinshipPrincipal principal, long groupId, Instant from,
			Instant to) {
		seat(principal, groupId);
		return this.store.seqRange(groupId, from, to).map((range) -> new SeqRange(range[0], range[1]));
	}

	/**
	 * The delivered messages of a sequence range, oldest first, at most a catch-up page.
	 * @param principal who asks
	 * @param groupId the group
	 * @param range the range
	 * @return the messages
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ChatMessage> range(KinshipPrincipal principal, long groupId, SeqRange range) {
		seat(principal, groupId);
		int limit = (int) Math.min(this.properties.catchUpPage(), range.last() - range.first() + 1);
		return this.store.after(groupId, range.first() - 1, limit)
			.stream()
			.filter((message) -> message.seq() <= range.last())
			.toList();
	}

	private Seat seat(KinshipPrincipal principal, long groupId) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.forbidden("chat.error.not-member"));
		if (!seat.staff()) {
			refuse(this.groups.keptOut(principal, groupId));
		}
		return seat;
	}

	private static void refuse(java.util.Optional<Refusal> refusal) {
		if (refusal.isPresent()) {
			throw new Refused(refusal.get().key(), refusal.get().args().toArray());
		}
	}

	private String checkedText(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			throw new Refused("chat.error.empty");
		}
		if (trimmed.length() > this.properties.maxLength()) {
			throw new Refused("chat.error.too-long", this.properties.maxLength(), trimmed.length());
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
	 * A span of a group's sequence numbers.
	 *
	 * @param first the first, included
	 * @param last the last, included
	 */
	public record SeqRange(long first, long last) {
	}

	/**
	 * How far a person has read.
	 *
	 * @param lastReadSeq the last sequence number read
	 * @param unread how many messages came after it
	 */
	public record ReadState(long lastReadSeq, long unread) {
	}

	/**
	 * The ingredients of the person's own medicines a message may be tagged with, from
	 * the record the session already holds.
	 * @param principal who writes
	 * @return the ingredients, by name; empty for clinicians and before the record was
	 * read
	 */
	public List<Treatment> treatments(KinshipPrincipal principal) {
		for (SenderMedicines source : this.medicines) {
			List<Treatment> ingredients = source.ingredients(principal);
			if (!ingredients.isEmpty()) {
				return ingredients;
			}
		}
		return List.of();
	}

	/** The chosen treatment when it is one of the sender's own, else refused. */
	private @Nullable Treatment ownTreatment(KinshipPrincipal principal, @Nullable String rxcui) {
		if (rxcui == null) {
			return null;
		}
		return treatments(principal).stream()
			.filter((own) -> own.rxcui().equals(rxcui))
			.findFirst()
			.orElseThrow(() -> new Refused("chat.error.treatment"));
	}

	/**
	 * The sender's medicines the session already read, for screening; empty when none.
	 */
	private List<String> medicines(KinshipPrincipal principal) {
		for (SenderMedicines source : this.medicines) {
			List<String> names = source.of(principal);
			if (!names.isEmpty()) {
				return names;
			}
		}
		return List.of();
	}

}
