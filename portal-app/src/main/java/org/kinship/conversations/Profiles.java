package org.kinship.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.MyGroup;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.groups.Membership;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's light profile, as another member of the group or its staff sees it: the name
 * they go by in the group, since when they are a member, the groups the two have in
 * common, and their caregiver or clinician badge. Nothing from their record, and not even
 * that to someone who does not read the group.
 */
@Component
public class Profiles {

	private final GroupDirectory groups;

	private final Conversations conversations;

	Profiles(GroupDirectory groups, Conversations conversations) {
		this.groups = groups;
		this.conversations = conversations;
	}

	/**
	 * A member's profile.
	 * @param viewer who looks: a member of the group or its staff
	 * @param slug the group
	 * @param name the name the member goes by there
	 * @return the profile
	 * @throws Refused not found when the viewer does not read the group or no active
	 * member goes by that name
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Profile of(KinshipPrincipal viewer, String slug, String name) {
		Seat seat = this.groups.seat(viewer, slug).orElseThrow(() -> Refused.notFound("profiles.error.not-found"));
		Membership member = this.groups.memberNamed(seat, name)
			.orElseThrow(() -> Refused.notFound("profiles.error.not-found"));
		boolean self = member.fhirUser().equals(viewer.fhirUser());
		Set<Long> viewers = this.groups.activeMemberships(viewer.issuer(), viewer.fhirUser())
			.stream()
			.map((mine) -> mine.group().id())
			.collect(Collectors.toSet());
		List<String> inCommon = this.groups.activeMemberships(viewer.issuer(), member.fhirUser())
			.stream()
			.map(MyGroup::group)
			.filter((group) -> viewers.contains(group.id()))
			.map(org.kinship.groups.Group::name)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
		boolean member2member = !self && !seat.staff();
		return new Profile(seat.groupId(), slug, member.displayName(), member.joinedAt(), inCommon,
				member.caregiverBadge(), member.clinicianBadge(), self,
				member2member && this.conversations.mayWriteTo(viewer, seat.groupId(), member.fhirUser()),
				member2member, member2member && this.conversations.blocked(viewer, member.fhirUser()));
	}

	/**
	 * What one member sees of another.
	 *
	 * @param groupId the group
	 * @param slug the group's slug
	 * @param displayName the name they go by in the group
	 * @param memberSince when they joined it
	 * @param groupsInCommon the names of the groups both are active members of
	 * @param caregiver whether they show a caregiver badge
	 * @param clinician whether they launched as a clinician
	 * @param self whether it is the viewer's own profile
	 * @param mayWrite whether the viewer may write to them privately now
	 * @param mayBlock whether the viewer may block them (a member, not staff)
	 * @param blocked whether the viewer blocked them
	 */
	public record Profile(long groupId, String slug, String displayName, Instant memberSince,
			List<String> groupsInCommon, boolean caregiver, boolean clinician, boolean self, boolean mayWrite,
			boolean mayBlock, boolean blocked) {
	}

}
