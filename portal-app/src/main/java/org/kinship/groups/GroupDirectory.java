package org.kinship.groups;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.groups.internal.CohostStore;
import org.kinship.groups.internal.GroupStore;
import org.kinship.groups.internal.MembershipStore;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Moderation;
import org.kinship.moderation.Refusal;
import org.kinship.moderation.Sanctions;
import org.kinship.moderation.Sanctions.Sanction;
import org.kinship.shared.Refused;
import org.kinship.shared.RequestMemo;

import org.springframework.stereotype.Component;

/**
 * The groups a person can find and what each group shows them. Every answer is limited to
 * the person's own health system; member lists only to members and the group's staff.
 */
@Component
public class GroupDirectory {

	/** How many members a group's page names; the rest are on the paged list. */
	public static final int MEMBERS_SHOWN = 24;

	/** How many members a page of the list names. */
	public static final int MEMBERS_PER_PAGE = 50;

	private final GroupStore groups;

	private final MembershipStore memberships;

	private final Sanctions sanctions;

	private final CohostStore cohosts;

	GroupDirectory(GroupStore groups, MembershipStore memberships, Sanctions sanctions, CohostStore cohosts) {
		this.cohosts = cohosts;
		this.groups = groups;
		this.memberships = memberships;
		this.sanctions = sanctions;
	}

	/**
	 * The listed, not archived groups whose name or description contains the query.
	 * @param principal who asks
	 * @param query words to look for; blank for every group
	 * @return the groups, by name
	 */
	public List<Group> listed(KinshipPrincipal principal, String query) {
		String wanted = query.trim().toLowerCase(Locale.ROOT);
		return this.groups.all(principal.issuer())
			.stream()
			.filter((group) -> group.listed() && group.status() != GroupStatus.ARCHIVED)
			.filter((group) -> wanted.isEmpty() || mentions(group.name(), group.description(), wanted)
					|| group.translations()
						.values()
						.stream()
						.anyMatch((text) -> mentions(text.name(), text.description(), wanted)))
			.toList();
	}

	private static boolean mentions(String name, String description, String wanted) {
		return name.toLowerCase(Locale.ROOT).contains(wanted) || description.toLowerCase(Locale.ROOT).contains(wanted);
	}

	/**
	 * The groups a person belongs to or has asked to join.
	 * @param principal the person
	 * @return the groups with the person's membership
	 */
	public List<MyGroup> mine(KinshipPrincipal principal) {
		List<Group> all = this.groups.all(principal.issuer());
		return this.memberships.ofUser(principal.issuer(), principal.fhirUser())
			.stream()
			.flatMap((membership) -> all.stream()
				.filter((group) -> group.id() == membership.groupId())
				.map((group) -> new MyGroup(group, membership)))
			.toList();
	}

	/**
	 * A group's page as this person may see it.
	 * @param principal who asks
	 * @param slug the group
	 * @return the page, or empty when the group does not exist at the person's health
	 * system
	 */
	public Optional<GroupPage> page(KinshipPrincipal principal, String slug) {
		return this.groups.findWithMembership(principal.issuer(), slug, principal.fhirUser()).map((found) -> {
			Group group = found.group();
			Optional<Membership> mine = found.membership();
			// the check-ins ask for it again
			this.memberships.known(group.id(), principal.fhirUser(), mine);
			boolean staff = isStaff(principal, group);
			// a suspension or a ban keeps a member out of the discussion; a mute does not
			Sanction keptOut = staff ? null
					: restriction(principal, group.id()).filter((sanction) -> !sanction.mayRead()).orElse(null);
			boolean member = mine.filter((membership) -> membership.status() == MembershipStatus.ACTIVE).isPresent()
					&& keptOut == null;
			// the first names only: a group of thousands is not read and drawn at every
			// visit; the whole list is paged (members)
			MembershipStore.FirstAndMentors shown = (member || staff)
					? this.memberships.firstAndMentors(group.id(), MEMBERS_SHOWN)
					: MembershipStore.FirstAndMentors.NONE;
			List<Membership> members = shown.first();
			List<Membership> mentors = shown.mentors();
			List<Membership> pending = staff ? this.memberships.of(group.id(), MembershipStatus.PENDING) : List.of();
			// the seat that every other part of the page checks follows from what was
			// read
			Optional<Membership> active = mine.filter((membership) -> membership.status() == MembershipStatus.ACTIVE);
			RequestMemo.once(seatKey(principal, group.id()),
					() -> seat(principal, new GroupStore.SeatRow(group.id(), group.slug(), group.status(),
							active.map(Membership::displayName).orElse(null), group.facilitatedBy(principal.fhirUser()),
							active.filter(Membership::peerMentor).isPresent())));
			return new GroupPage(group, mine.orElse(null), members, mentors, pending, staff, member || staff, keptOut,
					this.cohosts.of(group.id()));
		});
	}

	/**
	 * A page of a group's members, by name, for those who may see who belongs.
	 * @param page the group's page as the person sees it
	 * @param contains a part of the name to look for, any case; blank for everyone
	 * @param number the page, from 1
	 * @return the members on that page and how many there are in all
	 * @throws Refused when the person may not see the group's members
	 */
	public MemberList members(GroupPage page, String contains, int number) {
		if (!page.mayReadMembers()) {
			throw Refused.forbidden("groups.members.forbidden");
		}
		String part = contains.strip();
		long groupId = page.group().id();
		int total = part.isEmpty() ? page.group().memberCount() : this.memberships.countActiveContaining(groupId, part);
		int pages = Math.max(1, (total + MEMBERS_PER_PAGE - 1) / MEMBERS_PER_PAGE);
		int shown = Math.min(Math.max(number, 1), pages);
		List<Membership> members = this.memberships.activePage(groupId, part, (shown - 1) * MEMBERS_PER_PAGE,
				MEMBERS_PER_PAGE);
		return new MemberList(members, total, shown, pages, part);
	}

	/**
	 * The members who joined a group most recently, for those who may see who belongs.
	 * @param page the group's page as the person sees it
	 * @param since the earliest joining counted
	 * @param limit how many at most
	 * @return the memberships, newest first; empty for those who may not see them
	 */
	public List<Membership> joinedSince(GroupPage page, Instant since, int limit) {
		return page.mayReadMembers() ? this.memberships.joinedSince(page.group().id(), since, limit) : List.of();
	}

	/**
	 * The person's seat in a group's discussion: present only for active members and the
	 * group's staff. Checked for every chat frame.
	 * @param principal who asks
	 * @param slug the group
	 * @return the seat, or empty when the person may not take part
	 */
	public Optional<Seat> seat(KinshipPrincipal principal, String slug) {
		return RequestMemo.once("groups.seat " + principal.issuer() + " " + principal.fhirUser() + " slug " + slug,
				() -> this.groups.seatRow(principal.issuer(), slug, principal.fhirUser())
					.flatMap((row) -> seat(principal, row)));
	}

	/**
	 * The person's seat in a group's discussion, by the group's id.
	 * @param principal who asks
	 * @param groupId the group, which must belong to the person's health system
	 * @return the seat, or empty when the person may not take part
	 */
	public Optional<Seat> seat(KinshipPrincipal principal, long groupId) {
		// asked at every message sent: one query rather than the whole group; on a page,
		// by every part of it, and read once
		return RequestMemo.once(seatKey(principal, groupId),
				() -> this.groups.seatRow(principal.issuer(), groupId, principal.fhirUser())
					.flatMap((row) -> seat(principal, row)));
	}

	/**
	 * Why a suspension or a ban keeps the person out of a group's discussion. On a page
	 * the sanctions are read once, for this and for the page's own check.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the refusal, or empty when the person may read the group
	 */
	public Optional<Refusal> keptOut(KinshipPrincipal principal, long groupId) {
		return restriction(principal, groupId).filter((sanction) -> !sanction.mayRead()).map(Moderation::refusal);
	}

	private static String seatKey(KinshipPrincipal principal, long groupId) {
		return "groups.seat " + principal.issuer() + " " + principal.fhirUser() + " " + groupId;
	}

	private Optional<Sanction> restriction(KinshipPrincipal principal, long groupId) {
		return RequestMemo.once("groups.restriction " + principal.issuer() + " " + principal.fhirUser() + " " + groupId,
				() -> this.sanctions.restriction(principal.issuer(), groupId, principal.fhirUser()));
	}

	private static Optional<Seat> seat(KinshipPrincipal principal, GroupStore.SeatRow row) {
		boolean staff = principal.has(CommunityRight.COMMUNITY_MANAGER) || row.facilitator();
		if (row.memberName() == null && !staff) {
			return Optional.empty();
		}
		String name = (row.memberName() != null) ? row.memberName() : principal.displayName();
		return Optional.of(new Seat(row.id(), row.slug(), row.status(), name, staff, row.peerMentor()));
	}

	/**
	 * The names the active members of a group go by there, for {@code @mentions}.
	 * @param seat a seat in the group, proving the asker may see them
	 * @return the names
	 */
	public List<String> memberNames(Seat seat) {
		return this.memberships.of(seat.groupId(), MembershipStatus.ACTIVE)
			.stream()
			.map(Membership::displayName)
			.toList();
	}

	/**
	 * An active member of a group, by the name they go by there.
	 * @param seat a seat in the group, proving the asker may see its members
	 * @param displayName the name, in any case
	 * @return the membership, or empty when no active member goes by that name
	 */
	public Optional<Membership> memberNamed(Seat seat, String displayName) {
		// names are unique in a group whatever their case (the key the store keeps)
		return this.memberships.activeByName(seat.groupId(), displayName);
	}

	/**
	 * A person's active memberships, for what members see of each other (groups in
	 * common, "member since"); never their record.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @return the memberships with their groups
	 */
	public List<MyGroup> activeMemberships(String issuer, String fhirUser) {
		List<Group> all = this.groups.all(issuer);
		return this.memberships.ofUser(issuer, fhirUser)
			.stream()
			.filter((membership) -> membership.status() == MembershipStatus.ACTIVE)
			.flatMap((membership) -> all.stream()
				.filter((group) -> group.id() == membership.groupId())
				.map((group) -> new MyGroup(group, membership)))
			.toList();
	}

	/**
	 * The groups a person moderates: those they facilitate, and every group of their
	 * community for a community manager.
	 * @param principal who asks
	 * @return the groups, by name
	 */
	public List<Group> moderated(KinshipPrincipal principal) {
		return this.groups.all(principal.issuer()).stream().filter((group) -> isStaff(principal, group)).toList();
	}

	/**
	 * A group of a health system, for work done on no one's behalf (such as alerting a
	 * member's care team after an escalation); a person's view comes from {@link #page}
	 * or {@link #moderated}.
	 * @param issuer the health system
	 * @param groupId the group
	 * @return the group, or empty when it is not there or of another health system
	 */
	public Optional<Group> find(String issuer, long groupId) {
		return this.groups.findById(issuer, groupId);
	}

	/**
	 * The health systems and names of several groups, in one read, for work about many
	 * groups at once (notices that name a group where the member allowed it).
	 * @param groupIds the groups
	 * @return each group's label by its id; groups no longer there are missing
	 */
	public java.util.Map<Long, Label> labels(java.util.Collection<Long> groupIds) {
		java.util.Map<Long, Label> labels = new java.util.HashMap<>();
		for (String[] row : this.groups.namesOf(groupIds)) {
			labels.put(Long.parseLong(row[0]), new Label(Long.parseLong(row[0]), row[1], row[2]));
		}
		return labels;
	}

	/**
	 * Every group of a health system, for work done on no one's behalf (such as computing
	 * a group's insights in the background).
	 * @param issuer the health system
	 * @return the groups, archived ones included
	 */
	public List<Group> all(String issuer) {
		return this.groups.all(issuer);
	}

	/**
	 * The name of every group of a health system, archived ones included.
	 * @param issuer the health system
	 * @return each group's name by its id
	 */
	public java.util.Map<Long, String> names(String issuer) {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		all(issuer).forEach((group) -> names.put(group.id(), group.name()));
		return names;
	}

	/**
	 * The name a member goes by in a group.
	 * @param groupId the group
	 * @param fhirUser the member
	 * @return the name, or empty when the person is not a member
	 */
	public Optional<String> nameIn(long groupId, String fhirUser) {
		return this.memberships.find(groupId, fhirUser).map(Membership::displayName);
	}

	static boolean isStaff(KinshipPrincipal principal, Group group) {
		return principal.has(CommunityRight.COMMUNITY_MANAGER) || group.facilitatedBy(principal.fhirUser());
	}

	/**
	 * A person's place in a group's discussion.
	 *
	 * @param groupId the group
	 * @param slug the group's slug
	 * @param status whether the group is open (locked groups are read-only)
	 * @param displayName the name the person shows there
	 * @param staff whether the person facilitates or manages the group
	 * @param peerMentor whether the person is a member appointed a peer mentor of the
	 * group
	 */
	public record Seat(long groupId, String slug, GroupStatus status, String displayName, boolean staff,
			boolean peerMentor) {

		/**
		 * A seat of someone who is not a peer mentor.
		 * @param groupId the group
		 * @param slug the group's slug
		 * @param status whether the group is open
		 * @param displayName the name the person shows there
		 * @param staff whether the person facilitates or manages the group
		 */
		public Seat(long groupId, String slug, GroupStatus status, String displayName, boolean staff) {
			this(groupId, slug, status, displayName, staff, false);
		}

	}

	/**
	 * A group's health system and name.
	 *
	 * @param id the group
	 * @param issuer the health system's FHIR base URL
	 * @param name the group's name
	 */
	public record Label(long id, String issuer, String name) {
	}

	/**
	 * One of a person's groups.
	 *
	 * @param group the group
	 * @param membership the person's membership, active or pending
	 */
	public record MyGroup(Group group, Membership membership) {
	}

	/**
	 * What a group's page shows to one person.
	 *
	 * @param group the group
	 * @param membership the person's membership, or {@code null}
	 * @param members the first members by name (at most {@link #MEMBERS_SHOWN}), for
	 * members and staff only
	 * @param mentors the group's peer mentors, for members and staff only
	 * @param pending requests to join, for staff only
	 * @param staff whether the person may manage the group
	 * @param mayReadMembers whether the person may see who belongs, and read the
	 * discussion
	 * @param keptOut the suspension or ban that keeps the person out of the discussion,
	 * or {@code null}
	 * @param cohosts the partner organisations that co-host the group
	 */
	public record GroupPage(Group group, @org.jspecify.annotations.Nullable Membership membership,
			List<Membership> members, List<Membership> mentors, List<Membership> pending, boolean staff,
			boolean mayReadMembers, @org.jspecify.annotations.Nullable Sanction keptOut, List<Cohost> cohosts) {

		/**
		 * Whether the page shows every member, so that no link to the whole list is
		 * needed.
		 * @return true when the first names are all the names
		 */
		public boolean everyMemberShown() {
			return this.members.size() >= this.group.memberCount();
		}

		/**
		 * The co-host a facilitator of the group comes from.
		 * @param fhirUser the facilitator
		 * @return the co-host's name, or {@code null}
		 */
		public @org.jspecify.annotations.Nullable String cohostOf(String fhirUser) {
			return this.cohosts.stream()
				.filter((cohost) -> cohost.facilitators().contains(fhirUser))
				.map(Cohost::name)
				.findFirst()
				.orElse(null);
		}

		/**
		 * The badges a member wears beside their name on the group's page and its list of
		 * members, worked out here once rather than by a page's expressions.
		 * @param member a member of the group
		 * @return clinician (unless they facilitate the group), caregiver, facilitator
		 * (from a co-host, when they come from one) and peer mentor, as they apply
		 */
		public List<Badge> badges(Membership member) {
			boolean facilitator = this.group.facilitatedBy(member.fhirUser());
			if (!facilitator && !member.clinicianBadge() && !member.caregiverBadge() && !member.peerMentor()) {
				return List.of();
			}
			List<Badge> badges = new java.util.ArrayList<>(2);
			if (member.clinicianBadge() && !facilitator) {
				badges.add(new Badge("groups.badge.clinician", null));
			}
			if (member.caregiverBadge()) {
				badges.add(new Badge("groups.badge.caregiver", null));
			}
			if (facilitator) {
				String cohost = cohostOf(member.fhirUser());
				badges.add((cohost != null) ? new Badge("groups.badge.facilitator.from", cohost)
						: new Badge("groups.badge.facilitator", null));
			}
			if (member.peerMentor()) {
				badges.add(new Badge(Badge.MENTOR, null));
			}
			return badges;
		}

		/**
		 * The facilitators a community manager named for the group's co-hosts, by the
		 * name given (members or not), for those who may see the members.
		 * @return each with the co-host they come from; empty for the others
		 */
		public List<CohostFacilitator> cohostFacilitators() {
			if (!this.mayReadMembers) {
				return List.of();
			}
			return this.cohosts.stream()
				.flatMap((cohost) -> cohost.names()
					.entrySet()
					.stream()
					.filter((named) -> this.group.facilitatedBy(named.getKey()))
					.map((named) -> new CohostFacilitator(named.getValue(), cohost.name())))
				.toList();
		}

	}

	/**
	 * A badge beside a member's name.
	 *
	 * @param messageKey the text's message key
	 * @param cohost the co-host a facilitator comes from, the text's one argument, or
	 * {@code null} for a text without one
	 */
	public record Badge(String messageKey, @org.jspecify.annotations.Nullable String cohost) {

		/** The peer mentor's badge, which the chat's script draws the same way. */
		static final String MENTOR = "groups.badge.mentor";

		/**
		 * Whether this is the peer mentor's badge.
		 * @return true for a peer mentor
		 */
		public boolean mentor() {
			return MENTOR.equals(this.messageKey);
		}

	}

	/**
	 * A facilitator from a co-host, as members see them.
	 *
	 * @param name the name a community manager gave them
	 * @param cohost the co-host's name
	 */
	public record CohostFacilitator(String name, String cohost) {

	}

	/**
	 * A page of a group's members.
	 *
	 * @param members the members on the page, by name
	 * @param total how many members there are (with the name part, when one was given)
	 * @param page the page shown, from 1
	 * @param pages how many pages there are, at least 1
	 * @param contains the part of the name looked for, or blank
	 */
	public record MemberList(List<Membership> members, int total, int page, int pages, String contains) {
	}

}
