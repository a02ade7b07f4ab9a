package org.kinship.conversations;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.kinship.conversations.internal.ConversationStore;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private conversations between a group's staff and one of its members. A conversation is
 * opened by the group's staff, one per member and group, and shared by all of the group's
 * staff; the member and the staff read and write in it. Every call checks on the server
 * who is asking: a conversation that is not the person's to see is answered as not found,
 * so that its existence is not told either.
 */
@Component
public class Conversations {

	/** The longest message, in characters. */
	public static final int MAX_LENGTH = 4000;

	private final ConversationStore store;

	private final GroupDirectory groups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Conversations(ConversationStore store, GroupDirectory groups, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.groups = groups;
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
		return this.store.findOrOpen(staff.issuer(), groupId, member, name, staff.fhirUser(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The conversation of a group's staff with a member, if one was opened.
	 * @param staff a facilitator of the group or a community manager
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @return the conversation, or empty when there is none or the person is not the
	 * group's staff
	 */
	@Transactional(readOnly = true)
	public Optional<Conversation> find(KinshipPrincipal staff, long groupId, String member) {
		if (!isStaff(staff, groupId)) {
			return Optional.empty();
		}
		return this.store.find(staff.issuer(), groupId, member);
	}

	/**
	 * A conversation with its messages, for one of its two sides; for the member, every
	 * message so far counts as seen.
	 * @param principal the member, or the staff of the conversation's group
	 * @param conversationId the conversation
	 * @return the conversation as the person sees it
	 * @throws Refused not found when the person does not take part in it
	 */
	@Transactional
	public Transcript read(KinshipPrincipal principal, long conversationId) {
		Conversation conversation = this.store.find(principal.issuer(), conversationId)
			.orElseThrow(Conversations::notYours);
		boolean staff = side(principal, conversation);
		if (!staff) {
			this.store.seenByMember(conversationId);
		}
		return new Transcript(conversation, groupName(principal, conversation.groupId(), staff),
				this.store.messages(conversationId), staff);
	}

	/**
	 * Writes a message; {@link PrivateMessageWritten} is published inside the
	 * transaction, for both sides' pages after commit.
	 * @param principal the member, or the staff of the conversation's group
	 * @param conversationId the conversation
	 * @param text plain text
	 * @return the stored message
	 * @throws Refused not found when the person does not take part; refused for an empty
	 * or too long text
	 */
	@Transactional
	public PrivateMessage write(KinshipPrincipal principal, long conversationId, String text) {
		Conversation conversation = this.store.find(principal.issuer(), conversationId)
			.orElseThrow(Conversations::notYours);
		boolean staff = side(principal, conversation);
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			throw new Refused("conversations.error.empty");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new Refused("conversations.error.long", MAX_LENGTH);
		}
		String name = staff ? principal.displayName() : conversation.memberName();
		PrivateMessage message = this.store.add(conversationId, principal.fhirUser(), name, staff, trimmed,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		if (!staff) {
			this.store.seenByMember(conversationId);
		}
		this.events.publishEvent(new PrivateMessageWritten(principal.issuerKey(), conversation.member(), message));
		return message;
	}

	/**
	 * Whether the person takes part in a conversation, asked for every STOMP frame that
	 * follows it.
	 * @param principal who asks
	 * @param conversationId the conversation
	 * @return true for its member and the staff of its group
	 */
	@Transactional(readOnly = true)
	public boolean mayFollow(KinshipPrincipal principal, long conversationId) {
		return this.store.find(principal.issuer(), conversationId)
			.filter((conversation) -> conversation.member().equals(principal.fhirUser())
					|| isStaff(principal, conversation.groupId()))
			.isPresent();
	}

	/**
	 * The conversations the groups' staff opened with this person, newest first.
	 * @param principal the member
	 * @return the conversations, each with its group's name (empty when the person no
	 * longer belongs to the group)
	 */
	@Transactional(readOnly = true)
	public List<Listed> mine(KinshipPrincipal principal) {
		List<Group> groups = this.groups.mine(principal).stream().map(GroupDirectory.MyGroup::group).toList();
		return this.store.ofMember(principal.issuer(), principal.fhirUser())
			.stream()
			.map((conversation) -> new Listed(conversation, name(groups, conversation.groupId())))
			.toList();
	}

	/**
	 * What a member's pages say of their conversations.
	 * @param principal the member
	 * @return how many conversations they have, and how many with messages they have not
	 * seen
	 */
	@Transactional(readOnly = true)
	public Notice notice(KinshipPrincipal principal) {
		int count = this.store.ofMember(principal.issuer(), principal.fhirUser()).size();
		return new Notice(count,
				(count == 0) ? 0 : this.store.unseenByMember(principal.issuer(), principal.fhirUser()));
	}

	/** True for the staff of the conversation's group, false for its member. */
	private boolean side(KinshipPrincipal principal, Conversation conversation) {
		if (conversation.member().equals(principal.fhirUser())) {
			return false;
		}
		if (isStaff(principal, conversation.groupId())) {
			return true;
		}
		throw notYours();
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
	 */
	public record Transcript(Conversation conversation, String groupName, List<PrivateMessage> messages,
			boolean staff) {
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
	 * One of a member's conversations, for their list.
	 *
	 * @param conversation the conversation
	 * @param groupName its group's name, empty when the member no longer belongs to it
	 */
	public record Listed(Conversation conversation, String groupName) {
	}

}
