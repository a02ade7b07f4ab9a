package org.kinship.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.kinship.conversations.internal.ConversationStore;
import org.kinship.conversations.internal.ConversationStore.Side;
import org.kinship.conversations.internal.MemberBlocks;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.groups.Membership;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Sanctions;
import org.kinship.moderation.Screening;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private conversations: between a group's staff and one of its members (opened by the
 * staff, from a crisis card, or by the member, from the group's page; one per member and
 * group, shared by all of the group's staff), and between two members of a group where
 * the community allows it (off by default). Every call checks on the server who is
 * asking: a conversation that is not the person's to see is answered as not found, so
 * that its existence is not told either. Between members, as in groups, every message is
 * screened, a sanction in the group stops writing, a member blocked by the other can
 * neither open nor write, and a message can be reported to the group's staff.
 */
@Component
public class Conversations {

	/** The longest message, in characters. */
	public static final int MAX_LENGTH = 4000;

	private final ConversationStore store;

	private final MemberBlocks blocks;

	private final GroupDirectory groups;

	private final Screening screening;

	private final Sanctions sanctions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Conversations(ConversationStore store, MemberBlocks blocks, GroupDirectory groups, Screening screening,
			Sanctions sanctions, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.blocks = blocks;
		this.groups = groups;
		this.screening = screening;
		this.sanctions = sanctions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens the conversation of a group's staff with one of its members, or finds the one
	 * opened before.
	 * @param staff a facilitator of the group or a community manager
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @return the conversation
	 * @throws Refused forbidden when the person is not the group's staff; refused when
	 * the member does not belong to the group
	 */
	@Transactional
	public Conversation open(KinshipPrincipal staff, long groupId, String member) {
		requireStaff(staff, groupId);
		String name = this.groups.nameIn(groupId, member)
			.orElseThrow(() -> new Refused("conversations.error.no-member"));
		return this.store.findOrOpen(staff.issuer(), groupId, member, name, "", "", staff.fhirUser(), now());
	}

	/**
	 * A member opens their conversation with the staff of one of their groups, or finds
	 * the one opened before.
	 * @param member an active member of the group
	 * @param groupId the group
	 * @return the conversation
	 * @throws Refused forbidden when the person is not an active member of the group
	 */
	@Transactional
	public Conversation openWithStaff(KinshipPrincipal member, long groupId) {
		Seat seat = memberSeat(member, groupId);
		return this.store.findOrOpen(member.issuer(), groupId, member.fhirUser(), seat.displayName(), "", "",
				member.fhirUser(), now());
	}

	/**
	 * A member opens a conversation with another member of a group, or finds the one
	 * opened before.
	 * @param principal an active member of the group
	 * @param groupId the group
	 * @param otherName the name the other member goes by in the group
	 * @return the conversation
	 * @throws Refused forbidden when the person is not an active member of the group;
	 * refused when the community does not allow it, no member goes by that name, either
	 * blocked the other, or the person may not post in the group
	 */
	@Transactional
	public Conversation openWithMember(KinshipPrincipal principal, long groupId, String otherName) {
		Seat seat = memberSeat(principal, groupId);
		requireMembersMayTalk(principal.issuer());
		Membership other = this.groups.memberNamed(seat, otherName)
			.filter((found) -> !found.fhirUser().equals(principal.fhirUser()))
			.orElseThrow(() -> new Refused("conversations.error.no-member"));
		requireMayWrite(principal, groupId, other.fhirUser());
		boolean first = principal.fhirUser().compareTo(other.fhirUser()) < 0;
		return first
				? this.store.findOrOpen(principal.issuer(), groupId, principal.fhirUser(), seat.displayName(),
						other.fhirUser(), other.displayName(), principal.fhirUser(), now())
				: this.store.findOrOpen(principal.issuer(), groupId, other.fhirUser(), other.displayName(),
						principal.fhirUser(), seat.displayName(), principal.fhirUser(), now());
	}

	/**
	 * Whether a member may write privately to another member of a group now: the
	 * community allows it, neither blocked the other, and the person has no sanction
	 * there.
	 * @param principal an active member of the group
	 * @param groupId the group
	 * @param other the other member's {@code fhirUser}
	 * @return true when a conversation may be opened
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public boolean mayWriteTo(KinshipPrincipal principal, long groupId, String other) {
		try {
			memberSeat(principal, groupId);
			requireMembersMayTalk(principal.issuer());
			requireMayWrite(principal, groupId, other);
			return !other.equals(principal.fhirUser());
		}
		catch (Refused refused) {
			return false;
		}
	}

	/**
	 * The conversation of a group's staff with a member, if one was opened.
	 * @param staff a facilitator of the group or a community manager
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @return the conversation, or empty when there is none or the person is not the
	 * group's staff
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Conversation> find(KinshipPrincipal staff, long groupId, String member) {
		if (!isStaff(staff, groupId)) {
			return Optional.empty();
		}
		return this.store.find(staff.issuer(), groupId, member, "");
	}

	/**
	 * A conversation with its messages, for one of its sides; every message so far counts
	 * as seen by that side.
	 * @param principal a member of it, or the staff of its group for one with staff
	 * @param conversationId the conversation
	 * @return the conversation as the person sees it
	 * @throws Refused not found when the person does not take part in it
	 */
	@Transactional
	public Transcript read(KinshipPrincipal principal, long conversationId) {
		Conversation conversation = yours(principal, conversationId);
		Side side = side(principal, conversation);
		this.store.seen(conversationId, side);
		boolean staff = side == Side.STAFF;
		String with = staff ? conversation.memberName()
				: conversation.betweenMembers() ? conversation.otherName(principal.fhirUser()) : "";
		boolean blocked = conversation.betweenMembers() && this.blocks.blocked(principal.issuer(), principal.fhirUser(),
				conversation.other(principal.fhirUser()));
		return new Transcript(conversation, groupName(principal, conversation.groupId(), staff),
				this.store.messages(conversationId), staff, with, blocked, mayWrite(principal, conversation));
	}

	/**
	 * Writes a message after screening it as a group's messages are; between members,
	 * only while neither blocked the other and the community allows it.
	 * {@link PrivateMessageWritten} is published inside the transaction, for both sides'
	 * pages after commit.
	 * @param principal a side of the conversation
	 * @param conversationId the conversation
	 * @param text plain text
	 * @return the stored message
	 * @throws Refused not found when the person does not take part; refused for an empty
	 * or too long text, a text screening refuses or would hold, a block, or a sanction
	 */
	@Transactional
	public PrivateMessage write(KinshipPrincipal principal, long conversationId, String text) {
		Conversation conversation = yours(principal, conversationId);
		Side side = side(principal, conversation);
		String checked = checked(text);
		if (conversation.betweenMembers()) {
			requireMembersMayTalk(principal.issuer());
			requireMayWrite(principal, conversation.groupId(), conversation.other(principal.fhirUser()));
		}
		Verdict verdict = this.screening.screen(new Submission(principal.issuer(), conversation.groupId(),
				principal.fhirUser(), checked, Integer.MAX_VALUE, side == Side.STAFF));
		if (verdict.outcome() == Outcome.REFUSE) {
			throw new Refused((verdict.reasonKey() != null) ? verdict.reasonKey() : "conversations.error.refused",
					verdict.reasonArgs().toArray());
		}
		if (conversation.betweenMembers() && (verdict.outcome() == Outcome.HOLD || verdict.crisis())) {
			// nothing here reaches a facilitator before the other member: what a group
			// would hold for review is not sent, and a member in crisis is pointed to
			// help
			throw new Refused(verdict.crisis() ? "conversations.error.crisis" : "conversations.error.held");
		}
		boolean staff = side == Side.STAFF;
		String name = staff ? principal.displayName()
				: (side == Side.MEMBER) ? conversation.memberName() : conversation.peerName();
		PrivateMessage message = this.store.add(conversationId, principal.fhirUser(), name, staff, verdict.text(),
				now());
		this.store.seen(conversationId, side);
		String recipient = staff ? conversation.member()
				: conversation.betweenMembers() ? conversation.other(principal.fhirUser()) : null;
		this.events.publishEvent(new PrivateMessageWritten(principal.issuerKey(), recipient, message));
		return message;
	}

	/**
	 * Reports the other member's message to the group's staff: it is marked, and the
	 * reporter's conversation with the group's staff says what was reported, quoting it.
	 * @param principal a member of a conversation between members
	 * @param conversationId the conversation
	 * @param messageId the other member's message
	 * @return the reporter's conversation with the group's staff
	 * @throws Refused not found when the person does not take part or the message is not
	 * the other member's
	 */
	@Transactional
	public Conversation report(KinshipPrincipal principal, long conversationId, long messageId) {
		Conversation conversation = yours(principal, conversationId);
		if (!conversation.betweenMembers() || side(principal, conversation) == Side.STAFF) {
			throw notYours();
		}
		String other = conversation.other(principal.fhirUser());
		this.store.author(conversationId, messageId)
			.filter(other::equals)
			.orElseThrow(() -> Refused.notFound("conversations.error.no-message"));
		PrivateMessage reported = this.store.messages(conversationId)
			.stream()
			.filter((message) -> message.id() == messageId)
			.findFirst()
			.orElseThrow();
		this.store.reported(messageId);
		Conversation withStaff = openWithStaff(principal, conversation.groupId());
		String mine = (conversation.member().equals(principal.fhirUser())) ? conversation.memberName()
				: conversation.peerName();
		PrivateMessage note = this.store.add(withStaff.id(), principal.fhirUser(), mine, false,
				"Reported a private message from " + conversation.otherName(principal.fhirUser()) + ": \u201c"
						+ excerpt(reported.text()) + "\u201d",
				now());
		this.events.publishEvent(new PrivateMessageWritten(principal.issuerKey(), null, note));
		return withStaff;
	}

	/**
	 * Blocks the other member of a conversation, or lifts the block: a blocked member can
	 * neither open a conversation with the blocker nor write to them, in any group.
	 * @param principal a member of a conversation between members
	 * @param conversationId the conversation
	 * @param on block, or lift the block
	 * @throws Refused not found when the person does not take part
	 */
	@Transactional
	public void block(KinshipPrincipal principal, long conversationId, boolean on) {
		Conversation conversation = yours(principal, conversationId);
		if (!conversation.betweenMembers() || side(principal, conversation) == Side.STAFF) {
			throw notYours();
		}
		this.blocks.block(principal.issuer(), principal.fhirUser(), conversation.other(principal.fhirUser()), on,
				now());
	}

	/**
	 * Blocks a member of a group by the name they go by there, or lifts the block.
	 * @param principal an active member of the group
	 * @param groupId the group
	 * @param otherName the other member's name there
	 * @param on block, or lift the block
	 * @throws Refused forbidden when the person is not a member; refused when no member
	 * goes by that name
	 */
	@Transactional
	public void block(KinshipPrincipal principal, long groupId, String otherName, boolean on) {
		Seat seat = memberSeat(principal, groupId);
		Membership other = this.groups.memberNamed(seat, otherName)
			.filter((found) -> !found.fhirUser().equals(principal.fhirUser()))
			.orElseThrow(() -> new Refused("conversations.error.no-member"));
		this.blocks.block(principal.issuer(), principal.fhirUser(), other.fhirUser(), on, now());
	}

	/**
	 * Whether a person blocked another.
	 * @param principal who may have blocked
	 * @param other the other person's {@code fhirUser}
	 * @return true when blocked
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public boolean blocked(KinshipPrincipal principal, String other) {
		return this.blocks.blocked(principal.issuer(), principal.fhirUser(), other);
	}

	/**
	 * Whether the community lets its members write to each other privately.
	 * @param principal anyone of the community
	 * @return false unless a community manager allowed it
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public boolean membersMayTalk(KinshipPrincipal principal) {
		return this.blocks.membersMayTalk(principal.issuer());
	}

	/**
	 * Lets the community's members write to each other privately, or stops it (the
	 * conversations stay, read-only).
	 * @param manager a community manager
	 * @param on allow it
	 * @throws Refused forbidden for anyone else
	 */
	@Transactional
	public void letMembersTalk(KinshipPrincipal manager, boolean on) {
		if (!manager.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw Refused.forbidden("conversations.error.not-manager");
		}
		this.blocks.setMembersMayTalk(manager.issuer(), on, manager.fhirUser(), now());
	}

	/**
	 * Whether the person takes part in a conversation, asked for every STOMP frame that
	 * follows it.
	 * @param principal who asks
	 * @param conversationId the conversation
	 * @return true for its members and, in one with staff, the staff of its group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public boolean mayFollow(KinshipPrincipal principal, long conversationId) {
		return this.store.find(principal.issuer(), conversationId)
			.filter((conversation) -> conversation.joins(principal.fhirUser())
					|| (!conversation.betweenMembers() && isStaff(principal, conversation.groupId())))
			.isPresent();
	}

	/**
	 * A person's conversations, newest first: a member's own, with staff and with other
	 * members, and for the staff of groups those of their groups' members with them.
	 * @param principal who asks
	 * @return the conversations, each with its group's name (empty when the person no
	 * longer belongs to the group), whom it is with, and whether it has news
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Listed> mine(KinshipPrincipal principal) {
		List<Group> own = this.groups.mine(principal).stream().map(GroupDirectory.MyGroup::group).toList();
		List<Listed> listed = new java.util.ArrayList<>(this.store.ofMember(principal.issuer(), principal.fhirUser())
			.stream()
			.map((conversation) -> new Listed(conversation, name(own, conversation.groupId()),
					conversation.betweenMembers() ? conversation.otherName(principal.fhirUser()) : "", false, false))
			.toList());
		List<Group> moderated = this.groups.moderated(principal);
		List<Conversation> staffed = this.store.withStaffOf(principal.issuer(),
				moderated.stream().map(Group::id).toList());
		List<Long> news = this.store.unseenByStaff(staffed.stream().map(Conversation::id).toList());
		staffed.forEach((conversation) -> listed.add(new Listed(conversation, name(moderated, conversation.groupId()),
				conversation.memberName(), true, news.contains(conversation.id()))));
		return listed;
	}

	/**
	 * What a member's pages say of their conversations.
	 * @param principal the member
	 * @return how many conversations they have, and how many with messages they have not
	 * seen
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Notice notice(KinshipPrincipal principal) {
		int count = this.store.ofMember(principal.issuer(), principal.fhirUser()).size();
		return new Notice(count,
				(count == 0) ? 0 : this.store.unseenByMember(principal.issuer(), principal.fhirUser()));
	}

	private Conversation yours(KinshipPrincipal principal, long conversationId) {
		return this.store.find(principal.issuer(), conversationId).orElseThrow(Conversations::notYours);
	}

	/** Which side the person reads and writes as; not found when none. */
	private Side side(KinshipPrincipal principal, Conversation conversation) {
		if (conversation.member().equals(principal.fhirUser())) {
			return Side.MEMBER;
		}
		if (conversation.peer().equals(principal.fhirUser())) {
			return Side.PEER;
		}
		if (!conversation.betweenMembers() && isStaff(principal, conversation.groupId())) {
			return Side.STAFF;
		}
		throw notYours();
	}

	private boolean mayWrite(KinshipPrincipal principal, Conversation conversation) {
		if (!conversation.betweenMembers()) {
			return true;
		}
		try {
			requireMembersMayTalk(principal.issuer());
			requireMayWrite(principal, conversation.groupId(), conversation.other(principal.fhirUser()));
			return true;
		}
		catch (Refused refused) {
			return false;
		}
	}

	private void requireMembersMayTalk(String issuer) {
		if (!this.blocks.membersMayTalk(issuer)) {
			throw new Refused("conversations.error.members-off");
		}
	}

	/** Neither blocked the other, and the writer has no sanction in the group. */
	private void requireMayWrite(KinshipPrincipal principal, long groupId, String other) {
		if (this.blocks.blocked(principal.issuer(), other, principal.fhirUser())
				|| this.blocks.blocked(principal.issuer(), principal.fhirUser(), other)) {
			throw new Refused("conversations.error.blocked");
		}
		if (this.sanctions.restriction(principal.issuer(), groupId, principal.fhirUser()).isPresent()) {
			throw new Refused("conversations.error.sanctioned");
		}
	}

	private Seat memberSeat(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId)
			.filter((seat) -> this.groups.nameIn(groupId, principal.fhirUser()).isPresent())
			.orElseThrow(() -> Refused.forbidden("conversations.error.not-member"));
	}

	private String checked(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			throw new Refused("conversations.error.empty");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new Refused("conversations.error.long", MAX_LENGTH);
		}
		return trimmed;
	}

	private static String excerpt(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return (flat.length() <= 200) ? flat : flat.substring(0, 199) + "\u2026";
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private void requireStaff(KinshipPrincipal principal, long groupId) {
		if (!isStaff(principal, groupId)) {
			throw Refused.forbidden("conversations.error.not-staff");
		}
	}

	private boolean isStaff(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).filter(Seat::staff).isPresent();
	}

	private String groupName(KinshipPrincipal principal, long groupId, boolean staff) {
		List<Group> groups = staff ? this.groups.moderated(principal)
				: this.groups.mine(principal).stream().map(GroupDirectory.MyGroup::group).toList();
		return name(groups, groupId);
	}

	private static String name(List<Group> groups, long groupId) {
		return groups.stream().filter((group) -> group.id() == groupId).map(Group::name).findFirst().orElse("");
	}

	private static Refused notYours() {
		return Refused.notFound("conversations.error.not-found");
	}

	/**
	 * A conversation as one of its sides sees it.
	 *
	 * @param conversation the conversation
	 * @param groupName the group's name, empty when the person no longer belongs to it
	 * @param messages its messages, oldest first
	 * @param staff whether the person reads as the group's staff
	 * @param with whom the person talks to: the member for staff, the other member
	 * between members, empty for a member with staff
	 * @param blocked whether the person blocked the other member
	 * @param mayWrite whether the person may write in it now
	 */
	public record Transcript(Conversation conversation, String groupName, List<PrivateMessage> messages, boolean staff,
			String with, boolean blocked, boolean mayWrite) {
	}

	/**
	 * What a member's pages say of their conversations.
	 *
	 * @param conversations how many they have
	 * @param unseen how many have messages from staff they have not seen
	 */
	public record Notice(int conversations, int unseen) {
	}

	/**
	 * One of a person's conversations, for their list.
	 *
	 * @param conversation the conversation
	 * @param groupName its group's name, empty when the person no longer belongs to it
	 * @param with whom it is with: the other member, the member for staff, empty for a
	 * member's conversation with staff
	 * @param asStaff whether the person reads it as the group's staff
	 * @param news for staff, whether the member wrote something they have not seen
	 */
	public record Listed(Conversation conversation, String groupName, String with, boolean asStaff, boolean news) {
	}

}
