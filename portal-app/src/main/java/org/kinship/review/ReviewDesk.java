package org.kinship.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatModeration;
import org.kinship.checkins.CheckinAlerts;
import org.kinship.chat.MessageForReview;
import org.kinship.conversations.Conversation;
import org.kinship.conversations.Conversations;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Escalations;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The review queue of the groups a person moderates, and the decisions taken in it. Every
 * call checks on the server that the person facilitates the item's group or manages the
 * community; every decision is logged and reaches the group live, and its author
 * ({@link AuthorToldOfDecision}). A card about a member who may be at risk (urgent, or
 * "please look") is not closed by a decision on the message: it offers reaching out in a
 * private conversation, handing over to a colleague, raising it to urgent, and closes
 * with its outcome ({@link CrisisDesk}); it never warns the author, and the author gets
 * no notice of it.
 */
@Component
public class ReviewDesk {

	private static final int MAX_REASON = 1000;

	private final GroupDirectory groups;

	private final ReviewQueue queue;

	private final ChatModeration chat;

	private final ModerationLog log;

	private final ApplicationEventPublisher events;

	private final Conversations conversations;

	private final CheckinAlerts checkins;

	ReviewDesk(GroupDirectory groups, ReviewQueue queue, ChatModeration chat, ModerationLog log,
			ApplicationEventPublisher events, Conversations conversations, CheckinAlerts checkins) {
		this.checkins = checkins;
		this.groups = groups;
		this.queue = queue;
		this.chat = chat;
		this.log = log;
		this.events = events;
		this.conversations = conversations;
	}

	/**
	 * The open items of every group the person moderates, urgent first, then oldest.
	 * @param principal who asks
	 * @return the entries, empty for someone who moderates no group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Entry> queue(KinshipPrincipal principal) {
		Map<Long, Group> moderated = this.groups.moderated(principal)
			.stream()
			.collect(Collectors.toMap(Group::id, Function.identity()));
		return this.queue.open(principal.issuer(), moderated.keySet())
			.stream()
			.flatMap((item) -> message(item)
				.map((message) -> entry(principal, item, moderated.get(item.groupId()), message))
				.stream())
			.sorted(Comparator.comparing((Entry entry) -> !entry.item().urgent())
				.thenComparing((entry) -> entry.item().createdAt()))
			.toList();
	}

	/**
	 * The message a card is about, or for a check-in answer showing risk the answer told
	 * as a message of status {@code CHECKIN}, which no message decision applies to.
	 */
	private Optional<MessageForReview> message(Item item) {
		if (!CheckinAlerts.isCheckin(item.messageId())) {
			return this.chat.find(item.groupId(), item.messageId());
		}
		return this.checkins.find(item.groupId(), item.messageId())
			.map((alert) -> new MessageForReview(item.messageId(), item.groupId(), alert.member(), alert.memberName(),
					alert.summary(), HtmlUtils.htmlEscape(alert.summary()), "CHECKIN", alert.answeredAt(), List.of()));
	}

	private Entry entry(KinshipPrincipal principal, Item item, Group group, MessageForReview message) {
		if (!Escalations.atRisk(item)) {
			return new Entry(item, group, message, null, List.of());
		}
		Long conversation = this.conversations.find(principal, item.groupId(), item.author())
			.map(Conversation::id)
			.orElse(null);
		return new Entry(item, group, message, conversation, CrisisDesk.colleagues(principal, group));
	}

	/**
	 * The groups the person moderates.
	 * @param principal who asks
	 * @return the groups
	 */
	public List<Group> moderated(KinshipPrincipal principal) {
		return this.groups.moderated(principal);
	}

	/**
	 * Decides on an item: every open item about the same message closes with it.
	 * @param principal a facilitator of the item's group or a community manager
	 * @param itemId the item
	 * @param decision what to do
	 * @param reason why; required for a rejection and a warning, and sent to the author
	 * @param editedText the facilitator's edit, for {@link Decision#EDIT_AND_APPROVE}
	 * @throws Refused when the person may not decide here or the input is incomplete
	 */
	@Transactional
	public void decide(KinshipPrincipal principal, long itemId, Decision decision, String reason, String editedText) {
		Item item = moderatedItem(principal, itemId);
		boolean atRisk = Escalations.atRisk(item);
		String why = reason.strip();
		if (atRisk && decision == Decision.WARN) {
			throw new Refused("review.error.no-warning-at-risk");
		}
		if ((decision == Decision.REJECT || decision == Decision.WARN) && why.isEmpty() && !atRisk) {
			throw new Refused("review.error.reason-needed");
		}
		if (why.length() > MAX_REASON) {
			throw new Refused("review.error.reason-long", MAX_REASON);
		}
		switch (decision) {
			case APPROVE -> this.chat.approve(item.groupId(), item.messageId());
			case EDIT_AND_APPROVE -> this.chat.editAndApprove(item.groupId(), item.messageId(), editedText);
			case REJECT -> this.chat.reject(item.groupId(), item.messageId());
			case HIDE -> this.chat.hide(item.groupId(), item.messageId());
			case WARN -> {
				// a warning leaves the message as it is and the item open
			}
		}
		// a member who may be at risk stays on the card until its outcome is recorded
		if (decision != Decision.WARN && !atRisk) {
			this.queue.resolve(item.issuer(), item.groupId(), item.messageId(), principal.fhirUser(), decision.name());
		}
		this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), principal.fhirUser(), decision.name(),
				item.author(), item.messageId(), why));
		// the author knew their post was held; of flags only what touches the post; a
		// member who may be at risk hears from a person, not from a notice
		if (!atRisk && (item.kind() == Kind.HELD || decision != Decision.APPROVE)) {
			this.events.publishEvent(new AuthorToldOfDecision(principal.issuerKey(), item.author(), item.groupId(),
					decision.name(), why));
		}
	}

	/**
	 * The same decision on several items; stops at the first that cannot be taken, with
	 * nothing of the batch stored.
	 * @param principal a facilitator or community manager
	 * @param itemIds the items
	 * @param decision approve, reject or hide
	 * @param reason why
	 * @throws Refused as {@link #decide} does, or for an edit
	 */
	@Transactional
	public void decideAll(KinshipPrincipal principal, List<Long> itemIds, Decision decision, String reason) {
		if (itemIds.isEmpty()) {
			throw new Refused("review.error.none-chosen");
		}
		if (decision == Decision.EDIT_AND_APPROVE) {
			throw new Refused("review.error.bulk-edit");
		}
		for (long itemId : itemIds) {
			Optional<Item> item = this.queue.find(principal.issuer(), itemId).filter(Item::open);
			if (item.isPresent() && Escalations.atRisk(item.get())) {
				throw new Refused("review.error.at-risk-one-by-one");
			}
			if (item.isPresent()) {
				decide(principal, itemId, decision, reason, "");
			}
		}
	}

	/**
	 * Takes an urgent escalation: the others in the queue see who has it.
	 * @param principal a facilitator or community manager
	 * @param itemId the escalation
	 * @return who has it now: the person, or whoever took it first
	 * @throws Refused when the person may not act here
	 */
	@Transactional
	public String acknowledge(KinshipPrincipal principal, long itemId) {
		Item item = moderatedItem(principal, itemId);
		if (item.kind() != Kind.ESCALATED) {
			throw new Refused("review.error.not-urgent");
		}
		if (this.queue.acknowledge(item, principal.fhirUser())) {
			this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), principal.fhirUser(), "ACKNOWLEDGE",
					item.author(), item.messageId(), "took the escalation"));
			return principal.fhirUser();
		}
		return String.valueOf(item.acknowledgedBy());
	}

	/**
	 * An open item of a group the person moderates.
	 * @throws Refused when there is none
	 */
	Item moderatedItem(KinshipPrincipal principal, long itemId) {
		Item item = this.queue.find(principal.issuer(), itemId)
			.orElseThrow(() -> new Refused("review.error.not-yours"));
		if (this.groups.moderated(principal).stream().noneMatch((group) -> group.id() == item.groupId())) {
			throw new Refused("review.error.not-yours");
		}
		if (!item.open()) {
			throw new Refused("review.error.decided");
		}
		return item;
	}

	/** What a facilitator can decide. */
	public enum Decision {

		/** Let it be seen: a held message is published, a hidden one comes back. */
		APPROVE,
		/** Replace the text, then approve it. */
		EDIT_AND_APPROVE,
		/** Take it out; the reason goes to the author. */
		REJECT,
		/** Hide a delivered message. */
		HIDE,
		/** Warn the author, with the reason; the message stays. */
		WARN

	}

	/**
	 * One entry of the queue as a facilitator sees it.
	 *
	 * @param item the queue's item
	 * @param group the group
	 * @param message the message
	 * @param conversationId for a member who may be at risk, the private conversation the
	 * group's staff opened with them, or {@code null}
	 * @param colleagues for a member who may be at risk, the group's other staff the item
	 * can be handed to; empty otherwise
	 */
	public record Entry(Item item, Group group, MessageForReview message, @Nullable Long conversationId,
			List<String> colleagues) {

		/**
		 * Whether the card is about a member who may be at risk: it offers the crisis
		 * actions and never a warning.
		 * @return true for urgent and "please look" items
		 */
		public boolean atRisk() {
			return Escalations.atRisk(this.item);
		}

		/**
		 * Seconds left to the response-time target of an escalation nobody has taken.
		 * @param now the time now
		 * @return the seconds, negative when late; 0 for other items
		 */
		public long secondsLeft(Instant now) {
			return (this.item.dueAt() != null) ? this.item.dueAt().getEpochSecond() - now.getEpochSecond() : 0;
		}

		/**
		 * The time left or past the target, as minutes and seconds.
		 * @param now the time now
		 * @return for example {@code 14:05}
		 */
		public String clock(Instant now) {
			long left = Math.abs(secondsLeft(now));
			return (left / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", left % 60);
		}

	}

}
