package org.kinship.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.groups.GroupDirectory.Badge;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.Membership.MembershipStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The badges beside a member's name on a group's page and its list of members: what a
 * member is in this group, never more than one facilitator badge, and the co-host a
 * facilitator comes from.
 */
class GroupPageBadgesTests {

	private static final String FROM_COHOST = "Practitioner/from-heart-friends";

	private static final String OWN_FACILITATOR = "Practitioner/own";

	private final Group group = new Group(7, "https://ehr.example/fhir", "heart", "Heart", "About hearts", "Be kind",
			Audience.PATIENTS, true, GroupStatus.OPEN, CodeSet.parse("", ""), Set.of(),
			Set.of(FROM_COHOST, OWN_FACILITATOR), 5, Map.of());

	private final GroupPage page = new GroupPage(this.group, null, List.of(), List.of(), List.of(), false, true, null,
			List.of(new Cohost(1, 7, "Heart Friends", null, List.of(FROM_COHOST), Map.of())));

	@Test
	void aMemberWithoutAnythingToShowWearsNoBadge() {
		assertThat(this.page.badges(member("Patient/1", false, false, false))).isEmpty();
	}

	@Test
	void aClinicianWhoFacilitatesTheGroupIsShownAsItsFacilitatorOnly() {
		assertThat(this.page.badges(member(OWN_FACILITATOR, false, true, false)))
			.containsExactly(new Badge("groups.badge.facilitator", null));
		assertThat(this.page.badges(member("Practitioner/visiting", false, true, false)))
			.containsExactly(new Badge("groups.badge.clinician", null));
	}

	@Test
	void aFacilitatorFromACohostIsShownWithTheCohostsName() {
		assertThat(this.page.badges(member(FROM_COHOST, false, true, false)))
			.containsExactly(new Badge("groups.badge.facilitator.from", "Heart Friends"));
	}

	@Test
	void aCaregiverWhoMentorsWearsBothBadgesTheMentorsDrawnAsTheChatDrawsIt() {
		List<Badge> badges = this.page.badges(member("RelatedPerson/2", true, false, true));

		assertThat(badges).extracting(Badge::messageKey)
			.containsExactly("groups.badge.caregiver", "groups.badge.mentor");
		assertThat(badges).extracting(Badge::mentor).containsExactly(false, true);
	}

	private Membership member(String fhirUser, boolean caregiver, boolean clinician, boolean mentor) {
		return new Membership(7, fhirUser, "Sunny", caregiver, clinician, MembershipStatus.ACTIVE,
				Instant.parse("2026-01-01T00:00:00Z"), mentor);
	}

}
