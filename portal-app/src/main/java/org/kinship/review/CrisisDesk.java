package org.kinship.review;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatModeration;
import org.kinship.chat.MessageForReview;
import org.kinship.conversations.Conversation;
import org.kinship.conversations.Conversations;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.CrisisOutcome;
import org.kinship.moderation.Escalations;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilitators do from the card of a member who may be at risk (an urgent
 * escalation, or a "please look" item): reach out in a private conversation, hand the
 * card to a colleague, raise "please look" to urgent, and close the card with its
 * outcome. Every call checks on the server, as {@link ReviewDesk} does, that the person
 * moderates the item's group; every step is logged with who took it.
 */
@Component
public class CrisisDesk {

	private final ReviewDesk desk;

	private final GroupDirectory groups;

	private final ChatModeration chat;

	private final ModerationLog log;

	private final Escalations escalations;

	private final Conversations conversations;

	CrisisDesk(ReviewDesk desk, GroupDirectory groups, ChatModeration chat, ModerationLog log, Escalations escalations,
			Conversations conversations) {
		this.desk = desk;
		this.groups = groups;
		this.chat = chat;
		this.log = log;
		this.escalations = escalations;
		this.conversations = conversations;
	}

	/**
	 * Reaches out to a member who may be at risk: opens the private conversation of the
	 * group's staff with them (or finds the one opened before), and takes an urgent
	 * escalation nobody has taken yet.
	 * @param principal a facilitator or community manager of the item's group
	 * @param itemId an urgent or "please look" item
	 * @return the conversation's id
	 * @throws Refused when the person may not act here, or the item is of another kind
	 */
	@Transactional
	public long reachOut(KinshipPrincipal principal, long itemId) {
		Item item = atRiskItem(principal, itemId);
		Conversation conversation = this.conversations.open(principal, item.groupId(), item.author());
		if (item.kind() == Kind.ESCALATED && item.acknowledgedBy() == null) {
			this.desk.acknowledge(principal, itemId);
		}
		this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), principal.fhirUser(), "REACH_OUT",
				item.author(), item.messageId(), "opened a private conversation"));
		return conversation.id();
	}

	/**
	 * Closes an urgent or "please look" item with its outcome, recorded with who and
	 * when. A held message must be decided first: the group sees it, or it stays out.
	 * @param principal a facilitator or community manager of the item's group
	 * @param itemId the item
	 * @param outcome how it ended; {@code null} when none was chosen
	 * @param note words for colleagues, never sent to the member
	 * @throws Refused when the person may not act here, no outcome was chosen, or the
	 * message is still held
	 */
	@Transactional
	public void recordOutcome(KinshipPrincipal principal, long itemId, @Nullable CrisisOutcome outcome, String note) {
		Item item = atRiskItem(principal, itemId);
		if (outcome == null) {
			throw new Refused("review.error.outcome-needed");
		}
		if (this.chat.find(item.groupId(), item.messageId()).filter(MessageForReview::held).isPresent()) {
			throw new Refused("review.error.hold-first");
		}
		this.escalations.recordOutcome(item, principal.fhirUser(), outcome, note);
	}

	/**
	 * Hands an urgent or "please look" item to a colleague of the group's staff, who has
	 * it from now on.
	 * @param principal a facilitator or community manager of the item's group
	 * @param itemId the item
	 * @param colleague another facilitator or sponsoring community manager of the group
	 * @throws Refused when the person may not act here or the colleague is not one of the
	 * group's staff
	 */
	@Transactional
	public void handOver(KinshipPrincipal principal, long itemId, String colleague) {
		Item item = atRiskItem(principal, itemId);
		Group group = this.groups.moderated(principal)
			.stream()
			.filter((moderated) -> moderated.id() == item.groupId())
			.findFirst()
			.orElseThrow(() -> new Refused("review.error.not-yours"));
		if (!colleagues(principal, group).contains(colleague)) {
			throw new Refused("review.error.not-colleague");
		}
		this.escalations.handOver(item, principal.fhirUser(), colleague);
	}

	/**
	 * Raises a "please look" item to an urgent escalation, with the group's response time
	 * counting from now.
	 * @param principal a facilitator or community manager of the item's group
	 * @param itemId a "please look" item
	 * @throws Refused when the person may not act here or the item is of another kind
	 */
	@Transactional
	public void escalate(KinshipPrincipal principal, long itemId) {
		Item item = this.desk.moderatedItem(principal, itemId);
		if (item.kind() != Kind.LOOK || !this.escalations.escalate(item, principal.fhirUser())) {
			throw new Refused("review.error.not-look");
		}
	}

	private Item atRiskItem(KinshipPrincipal principal, long itemId) {
		Item item = this.desk.moderatedItem(principal, itemId);
		if (!Escalations.atRisk(item)) {
			throw new Refused("review.error.not-at-risk");
		}
		return item;
	}

	/** The group's other staff: its facilitators and sponsoring community managers. */
	static List<String> colleagues(KinshipPrincipal principal, Group group) {
		return Stream.concat(group.facilitators().stream(), group.sponsors().stream())
			.filter((fhirUser) -> !fhirUser.equals(principal.fhirUser()))
			.distinct()
			.sorted()
			.toList();
	}

}
