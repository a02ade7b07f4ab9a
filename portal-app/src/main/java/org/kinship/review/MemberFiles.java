package org.kinship.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Memberships;
import org.kinship.shared.Refused;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.MemberNotes;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.Sanctions;
import org.kinship.moderation.Sanctions.Kind;
import org.kinship.moderation.Sanctions.Sanction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilitators know and decide about one member of a group they moderate: sanctions
 * in force, notes that only staff see, and the decisions about the member's posts. A ban
 * from the whole community is for community managers only. Every sanction imposed or
 * lifted is written to the moderation log, with its reason for the staff, and to the
 * audit log, with who, whom, where and until when but never the reason, in the deciding
 * transaction.
 */
@Component
public class MemberFiles {

	private static final int MAX_REASON = 1000;

	private static final Duration LONGEST = Duration.ofDays(365);

	private final GroupDirectory groups;

	private final Sanctions sanctions;

	private final MemberNotes notes;

	private final ModerationLog log;

	private final AuditLog audit;

	private final Memberships memberships;

	MemberFiles(GroupDirectory groups, Sanctions sanctions, MemberNotes notes, ModerationLog log, AuditLog audit,
			Memberships memberships) {
		this.groups = groups;
		this.memberships = memberships;
		this.sanctions = sanctions;
		this.notes = notes;
		this.log = log;
		this.audit = audit;
	}

	/**
	 * A member's file, seen from a group the person moderates.
	 * @param principal a facilitator of the group or a community manager
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @return the file
	 * @throws Refused when the person does not moderate the group or the member is not in
	 * it
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public MemberFile file(KinshipPrincipal principal, long groupId, String member) {
		Group group = moderated(principal, groupId);
		String name = this.groups.nameIn(groupId, member).orElseThrow(() -> new Refused("review.error.no-member"));
		return new MemberFile(group, member, name, this.sanctions.inForce(principal.issuer(), member),
				this.notes.about(principal.issuer(), member), this.log.about(principal.issuer(), member, 20),
				this.memberships.peerMentor(groupId, member));
	}

	/**
	 * Mutes, suspends or bans a member.
	 * @param principal a facilitator of the group, or a community manager for a ban
	 * @param groupId the group the decision is taken from
	 * @param member the member
	 * @param kind the sanction
	 * @param reason why, shown to the member
	 * @param hours how long; {@code null} or 0 until lifted
	 * @throws Refused without a reason, for a length over a year, or without the right
	 */
	@Transactional
	public void sanction(KinshipPrincipal principal, long groupId, String member, Kind kind, String reason,
			@Nullable Integer hours) {
		moderated(principal, groupId);
		this.groups.nameIn(groupId, member).orElseThrow(() -> new Refused("review.error.no-member"));
		if (kind == Kind.BAN && !principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new Refused("review.error.ban-right");
		}
		String why = checkedReason(reason);
		Instant until = null;
		if (hours != null && hours != 0) {
			if (hours < 0 || Duration.ofHours(hours).compareTo(LONGEST) > 0) {
				throw new Refused("review.error.duration");
			}
			until = Instant.now().plus(Duration.ofHours(hours));
		}
		long id = this.sanctions.impose(principal.issuer(), groupId, member, kind, why, until, principal.fhirUser());
		this.log.record(
				new ModerationLog.Entry(principal.issuer(), (kind == Kind.BAN) ? null : groupId, principal.fhirUser(),
						kind.name(), member, null, why + ((until != null) ? " (until " + until + ")" : "")));
		audit(principal, member, (kind == Kind.BAN) ? null : groupId,
				kind.name() + " " + id + ((until != null) ? " until " + until : ""));
	}

	/**
	 * Lifts a sanction early.
	 * @param principal a facilitator of the group or a community manager
	 * @param groupId the group the decision is taken from
	 * @param sanctionId the sanction
	 * @throws Refused when the sanction is not the person's to lift
	 */
	@Transactional
	public void lift(KinshipPrincipal principal, long groupId, long sanctionId) {
		moderated(principal, groupId);
		Sanction existing = this.sanctions.inForce(principal.issuer(), memberOf(principal, sanctionId))
			.stream()
			.filter((sanction) -> sanction.id() == sanctionId)
			.findFirst()
			.orElseThrow(() -> new Refused("review.error.no-sanction"));
		boolean mine = (existing.groupId() != null) ? existing.groupId() == groupId
				: principal.has(CommunityRight.COMMUNITY_MANAGER);
		if (!mine) {
			throw new Refused("review.error.no-sanction");
		}
		this.sanctions.lift(principal.issuer(), sanctionId);
		this.log.record(new ModerationLog.Entry(principal.issuer(), existing.groupId(), principal.fhirUser(), "LIFT",
				existing.member(), null, existing.kind().name()));
		audit(principal, existing.member(), existing.groupId(), "LIFT " + existing.kind().name() + " " + sanctionId);
	}

	/** The member is the entry's patient: a reference, never a name. */
	private void audit(KinshipPrincipal principal, String member, @Nullable Long groupId, String what) {
		this.audit.recordAll(List.of(AuditLog.Stamped
			.now(new AuditEntry(principal.issuer(), principal.fhirUser(), member, AuditAction.SANCTION,
					((groupId != null) ? "group " + groupId : "community") + " " + what, AuditEntry.SUCCESS))));
	}

	private String memberOf(KinshipPrincipal principal, long sanctionId) {
		return this.sanctions.find(principal.issuer(), sanctionId)
			.map(Sanction::member)
			.orElseThrow(() -> new Refused("review.error.no-sanction"));
	}

	/**
	 * Appoints the member a peer mentor of the group, or ends it.
	 * @param principal a community manager who moderates the group
	 * @param groupId the group
	 * @param member the member
	 * @param mentor appoint, or end
	 * @throws Refused without the right, or when the member may not be one
	 */
	@Transactional
	public void peerMentor(KinshipPrincipal principal, long groupId, String member, boolean mentor) {
		moderated(principal, groupId);
		this.memberships.appointPeerMentor(principal, groupId, member, mentor);
	}

	/**
	 * Adds a note on a member.
	 * @param principal a facilitator of the group or a community manager
	 * @param groupId the group the note is written from
	 * @param member the member
	 * @param body the note
	 * @throws Refused for an empty or too long note
	 */
	@Transactional
	public void note(KinshipPrincipal principal, long groupId, String member, String body) {
		moderated(principal, groupId);
		this.groups.nameIn(groupId, member).orElseThrow(() -> new Refused("review.error.no-member"));
		String note = body.strip();
		if (note.isEmpty() || note.length() > MemberNotes.MAX_LENGTH) {
			throw new Refused("review.error.note", MemberNotes.MAX_LENGTH);
		}
		this.notes.add(principal.issuer(), member, principal.fhirUser(), note);
	}

	private Group moderated(KinshipPrincipal principal, long groupId) {
		return this.groups.moderated(principal)
			.stream()
			.filter((group) -> group.id() == groupId)
			.findFirst()
			.orElseThrow(() -> new Refused("review.error.not-yours"));
	}

	private static String checkedReason(String reason) {
		String why = reason.strip();
		if (why.isEmpty()) {
			throw new Refused("review.error.reason-needed");
		}
		if (why.length() > MAX_REASON) {
			throw new Refused("review.error.reason-long", MAX_REASON);
		}
		return why;
	}

	/**
	 * A member's file.
	 *
	 * @param group the group it is seen from
	 * @param member the member's {@code fhirUser}
	 * @param name the member's name in the group
	 * @param sanctions sanctions in force anywhere in the community
	 * @param notes staff notes, newest first
	 * @param decisions decisions about the member, newest first
	 * @param peerMentor whether the member is a peer mentor of the group
	 */
	public record MemberFile(Group group, String member, String name, List<Sanction> sanctions,
			List<MemberNotes.Note> notes, List<ModerationLog.Logged> decisions, boolean peerMentor) {
	}

}
