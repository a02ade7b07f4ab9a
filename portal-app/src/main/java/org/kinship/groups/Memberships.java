package org.kinship.groups;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.shared.Refused;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.groups.internal.GroupStore;
import org.kinship.groups.internal.KnownPatients;
import org.kinship.groups.internal.MembershipStore;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining and leaving groups, requests to join unlisted groups, and a member's own data.
 * Every rule is checked here, on the server.
 */
@Component
public class Memberships {

	private static final Pattern DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .'_-]{2,40}");

	private static final List<String> RESERVED = List.of("kinship", "admin", "moderator", "facilitator", "clinician",
			"doctor", "nurse");

	private final GroupStore groups;

	private final MembershipStore memberships;

	private final KnownPatients known;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ObjectProvider<MyDataPart> parts;

	Memberships(GroupStore groups, MembershipStore memberships, KnownPatients known, ApplicationEventPublisher events,
			AuditLog audit, ObjectProvider<MyDataPart> parts) {
		this.parts = parts;
		this.groups = groups;
		this.memberships = memberships;
		this.known = known;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Joins a group, or asks to when it is unlisted.
	 * @param principal who joins
	 * @param slug the group
	 * @param form the person's choices
	 * @return the membership, active or pending
	 * @throws Refused with the reason when the person may not join or a choice is not
	 * valid; nothing is saved then
	 */
	@Transactional
	public Membership join(KinshipPrincipal principal, String slug, JoinForm form) {
		Group group = this.groups.find(principal.issuer(), slug).orElseThrow(() -> new Refused("groups.error.unknown"));
		if (group.status() != GroupStatus.OPEN) {
			throw new Refused("groups.error.not-open");
		}
		if (!group.audience().admits(principal.role())) {
			throw new Refused("groups.error.audience." + group.audience());
		}
		if (this.memberships.find(group.id(), principal.fhirUser()).isPresent()) {
			throw new Refused("groups.error.already");
		}
		if (!form.acceptGuidelines()) {
			throw new Refused("groups.error.guidelines");
		}
		boolean staff = GroupDirectory.isStaff(principal, group);
		String name = displayName(principal, form, staff);
		if (this.memberships.nameTaken(group.id(), name)) {
			throw new Refused("groups.error.name-taken", name);
		}
		Membership membership = new Membership(group.id(), principal.fhirUser(), name,
				form.caregiverBadge() && principal.role() == KinshipRole.CAREGIVER,
				principal.role() == KinshipRole.CLINICIAN,
				(group.listed() || staff) ? MembershipStatus.ACTIVE : MembershipStatus.PENDING, Instant.now());
		this.memberships.insert(membership);
		return membership;
	}

	/**
	 * Leaves a group, or withdraws a request to join.
	 * @param principal who leaves
	 * @param slug the group
	 */
	@Transactional
	public void leave(KinshipPrincipal principal, String slug) {
		this.groups.find(principal.issuer(), slug)
			.ifPresent((group) -> this.memberships.delete(group.id(), principal.fhirUser()));
	}

	/**
	 * Answers a request to join.
	 * @param principal a facilitator of the group or a community manager
	 * @param slug the group
	 * @param fhirUser who asked
	 * @param approve let them in, or decline
	 * @throws Refused when the person may not manage the group or there is no such
	 * request; publishes {@link JoinRequestAnswered} inside the transaction
	 */
	@Transactional
	public void answer(KinshipPrincipal principal, String slug, String fhirUser, boolean approve) {
		Group group = this.groups.find(principal.issuer(), slug).orElseThrow(() -> new Refused("groups.error.unknown"));
		if (!GroupDirectory.isStaff(principal, group)) {
			throw new Refused("groups.error.not-staff");
		}
		Membership request = this.memberships.find(group.id(), fhirUser)
			.filter((membership) -> membership.status() == MembershipStatus.PENDING)
			.orElseThrow(() -> new Refused("groups.error.no-request"));
		if (approve) {
			this.memberships.approve(group.id(), request.fhirUser());
		}
		else {
			this.memberships.delete(group.id(), request.fhirUser());
		}
		this.events.publishEvent(new JoinRequestAnswered(group.issuer(), group.id(), request.fhirUser(), approve));
	}

	/**
	 * Appoints a member a peer mentor of a group, or ends it: a member with lived
	 * experience who greets newcomers and may pin a welcome of their own, with no
	 * moderation powers. Written to the audit log with who, whom and where.
	 * @param principal a community manager
	 * @param groupId the group, of the manager's health system
	 * @param fhirUser the member
	 * @param mentor appoint, or end
	 * @throws Refused when the person is not a community manager, or the member is not an
	 * active member of the group or is one of its facilitators
	 */
	@Transactional
	public void appointPeerMentor(KinshipPrincipal principal, long groupId, String fhirUser, boolean mentor) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new Refused("groups.error.mentor-right");
		}
		Group group = this.groups.findById(principal.issuer(), groupId)
			.orElseThrow(() -> new Refused("groups.error.unknown"));
		if (group.facilitatedBy(fhirUser)) {
			throw new Refused("groups.error.mentor-staff");
		}
		if (!this.memberships.setPeerMentor(group.id(), fhirUser, mentor)) {
			throw new Refused("groups.error.mentor-member");
		}
		this.audit.recordAll(List.of(AuditLog.Stamped
			.now(new AuditEntry(principal.issuer(), principal.fhirUser(), fhirUser, AuditAction.ROLE_CHANGE,
					"group " + groupId + (mentor ? " PEER_MENTOR" : " PEER_MENTOR_ENDED"), AuditEntry.SUCCESS))));
	}

	/**
	 * Whether a member is a peer mentor of a group.
	 * @param groupId the group
	 * @param fhirUser the member
	 * @return true for an active member appointed a peer mentor
	 */
	public boolean peerMentor(long groupId, String fhirUser) {
		return this.memberships.find(groupId, fhirUser)
			.filter((membership) -> membership.status() == MembershipStatus.ACTIVE)
			.map(Membership::peerMentor)
			.orElse(false);
	}

	/**
	 * The active members of several groups, in one read: for work that concerns many
	 * members at once, such as notifications, never one read per member.
	 * @param groupIds the groups
	 * @return their active memberships
	 */
	public List<Membership> activeMembers(java.util.Collection<Long> groupIds) {
		return this.memberships.activeOf(groupIds);
	}

	/**
	 * The active memberships of some people in some groups, in one read: for work about a
	 * batch of members, such as the hand-over of their notifications, which must not read
	 * every member of a large group.
	 * @param groupIds the groups
	 * @param fhirUsers the people
	 * @return their active memberships of those groups
	 */
	public List<Membership> activeMembers(java.util.Collection<Long> groupIds, java.util.Collection<String> fhirUsers) {
		return this.memberships.activeOf(groupIds, fhirUsers);
	}

	/**
	 * Everything Kinship keeps about a person's part in groups.
	 * @param principal the person
	 * @return their data, for download
	 */
	public MyData myData(KinshipPrincipal principal) {
		List<Group> all = this.groups.all(principal.issuer());
		List<MyData.GroupEntry> entries = this.memberships.ofUser(principal.issuer(), principal.fhirUser())
			.stream()
			.map((membership) -> new MyData.GroupEntry(
					all.stream()
						.filter((group) -> group.id() == membership.groupId())
						.map(Group::name)
						.findFirst()
						.orElse(""),
					membership.displayName(), membership.caregiverBadge(), membership.clinicianBadge(),
					membership.status().name(), membership.joinedAt()))
			.toList();
		Map<String, Object> kept = new TreeMap<>();
		this.parts.orderedStream()
			.forEach((part) -> kept.put(part.name(), part.of(principal.issuer(), principal.fhirUser())));
		return new MyData(principal.issuer(), principal.fhirUser(), Instant.now(), entries, kept);
	}

	/**
	 * Deletes everything Kinship keeps about a person: their part in groups here, and,
	 * through {@link MemberContentDeleted}, what other modules keep (check-in answers,
	 * insight contributions, notification addresses and choices). Their record at the EHR
	 * is untouched.
	 * @param principal the person
	 * @return how many memberships were removed
	 */
	@Transactional
	public int deleteMyContent(KinshipPrincipal principal) {
		this.known.forget(principal.issuer(), principal.fhirUser());
		int removed = this.memberships.deleteAll(principal.issuer(), principal.fhirUser());
		this.events.publishEvent(new MemberContentDeleted(principal.issuer(), principal.fhirUser()));
		return removed;
	}

	private static String displayName(KinshipPrincipal principal, JoinForm form, boolean staff) {
		String name = (form.useRealName() ? principal.displayName() : form.displayName()).trim()
			.replaceAll("\\s+", " ");
		if (name.length() > 40) {
			throw new Refused("groups.error.name-length");
		}
		if (!DISPLAY_NAME.matcher(name).matches()) {
			throw new Refused("groups.error.name-characters");
		}
		String folded = name.toLowerCase(Locale.ROOT);
		if (!staff && RESERVED.stream().anyMatch(folded::contains)) {
			throw new Refused("groups.error.name-reserved");
		}
		return name;
	}

	/**
	 * A person's own data.
	 *
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @param exportedAt when this was made
	 * @param groups each group the person belongs to or asked to join
	 * @param parts what other modules keep of the person's own ({@link MyDataPart}), by
	 * name: their messages, their check-in answers, how they are told when away
	 */
	public record MyData(String issuer, String fhirUser, Instant exportedAt, List<GroupEntry> groups,
			Map<String, Object> parts) {

		/**
		 * One group.
		 *
		 * @param group the group's name
		 * @param displayName the name shown there
		 * @param caregiverBadge whether a caregiver badge is shown
		 * @param clinicianBadge whether a clinician badge is shown
		 * @param status active or pending
		 * @param joinedAt when
		 */
		public record GroupEntry(String group, String displayName, boolean caregiverBadge, boolean clinicianBadge,
				String status, Instant joinedAt) {
		}

	}

}
