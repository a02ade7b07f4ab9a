package org.kinship.groups;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Co-hosts on the real MariaDB: a community manager names a partner organisation with a
 * web address (nothing but http and https accepted) and marks which of the group's
 * facilitators come from it; members see it on the group's page; nobody else changes
 * them, and a facilitator who stops facilitating is no longer counted as theirs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CohostsIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	GroupAdministration administration;

	@Autowired
	GroupDirectory directory;

	@Autowired
	CommunityRights rights;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	MockMvc mvc;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal member;

	@BeforeEach
	void group() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Co-hosted");
		this.member = this.community.member(this.circle.group(), "Wren");
	}

	@Test
	void aManagerNamesACohostWithItsFacilitatorAndMembersSeeIt() throws Exception {
		String slug = this.circle.group().slug();
		KinshipPrincipal manager = this.community.manager();
		assertThat(this.mvc.perform(get("/manage/groups/new").session(StaffedGroups.session(manager)))
			.andReturn()
			.getResponse()
			.getStatus()).as("a group not created yet has no co-hosts to show").isEqualTo(200);
		this.administration.addCohost(manager, slug, "  Heart   Friends ", "https://heart-friends.example/groups");
		Cohost cohost = this.administration.cohosts(this.circle.group()).get(0);
		assertThat(cohost.name()).isEqualTo("Heart Friends");

		this.administration.cohostFacilitator(manager, slug, cohost.id(), this.circle.facilitator().fhirUser(), true);

		GroupDirectory.GroupPage page = this.directory.page(this.member, slug).orElseThrow();
		assertThat(page.cohosts()).singleElement()
			.satisfies(
					(shown) -> assertThat(shown.facilitators()).containsExactly(this.circle.facilitator().fhirUser()));
		assertThat(page.cohostOf(this.circle.facilitator().fhirUser())).isEqualTo("Heart Friends");
		String html = this.mvc.perform(get("/groups/" + slug).session(StaffedGroups.session(this.member)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.mvc.perform(get("/manage/groups/" + slug).session(StaffedGroups.session(manager)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"add-cohost\"").contains("Heart Friends");
		assertThat(html).contains("Co-hosted with")
			.contains("<a href=\"https://heart-friends.example/groups\" rel=\"noopener noreferrer\">Heart Friends</a>");

		this.administration.facilitator(manager, slug, this.circle.facilitator().fhirUser(), false);
		assertThat(this.administration.cohosts(this.circle.group()).get(0).facilitators())
			.as("no longer a facilitator, no longer theirs")
			.isEmpty();
		this.administration.removeCohost(manager, slug, cohost.id());
		assertThat(this.directory.page(this.member, slug).orElseThrow().cohosts()).isEmpty();
	}

	@Test
	void aCohostsFacilitatorWhoNeverJoinedFacilitatesThatGroupOnlyAndMembersSeeThem() throws Exception {
		String slug = this.circle.group().slug();
		KinshipPrincipal manager = this.community.manager();
		Staffed other = this.community.group("Elsewhere");
		this.administration.addCohost(manager, slug, "Heart Friends", "");
		Cohost cohost = this.administration.cohosts(this.circle.group()).get(0);
		KinshipPrincipal partner = partnerStaff();
		assertThatExceptionOfType(Refused.class).as("only a holder of the facilitator right")
			.isThrownBy(() -> this.administration.nameCohostFacilitator(manager, slug, cohost.id(), partner.fhirUser(),
					"Tom Alvarez"))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.not-facilitator"));
		this.rights.grant(manager, partner.fhirUser(), CommunityRight.FACILITATOR);
		assertThatExceptionOfType(Refused.class).as("a name members can read")
			.isThrownBy(() -> this.administration.nameCohostFacilitator(manager, slug, cohost.id(), partner.fhirUser(),
					" "))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.cohost-facilitator-name"));
		assertThatExceptionOfType(Refused.class).as("a group's facilitator may not name them")
			.isThrownBy(() -> this.administration.nameCohostFacilitator(this.circle.facilitator(), slug, cohost.id(),
					partner.fhirUser(), "Tom Alvarez"));

		this.administration.nameCohostFacilitator(manager, slug, cohost.id(), partner.fhirUser(), "  Tom   Alvarez ");

		assertThat(this.directory.page(partner, slug).orElseThrow().staff()).as("a facilitator of the group").isTrue();
		assertThat(this.directory.page(partner, slug).orElseThrow().membership()).as("without joining it").isNull();
		assertThat(this.directory.moderated(partner)).as("its review queue, and no other group's")
			.extracting(Group::id)
			.containsExactly(this.circle.group().id());
		assertThat(this.administration.manageable(partner)).extracting(Group::id)
			.containsExactly(this.circle.group().id());
		assertThat(this.directory.page(partner, other.group().slug()).orElseThrow().staff()).isFalse();
		assertThatExceptionOfType(Refused.class).as("nor may they name co-hosts")
			.isThrownBy(() -> this.administration.addCohost(partner, slug, "Their own", ""));
		assertThatExceptionOfType(Exception.class).as("nor give themselves another group")
			.isThrownBy(() -> this.administration.facilitator(partner, other.group().slug(), partner.fhirUser(), true));

		String html = this.mvc.perform(get("/groups/" + slug).session(StaffedGroups.session(this.member)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"cohost-facilitators\"")
			.contains("<span>Tom Alvarez</span>")
			.contains("Facilitator, Heart Friends")
			.doesNotContain(partner.fhirUser());
		String spanish = this.mvc
			.perform(get("/groups/" + slug).session(StaffedGroups.session(this.member))
				.header("Accept-Language", "es")
				.locale(java.util.Locale.forLanguageTag("es")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("Facilitador, Heart Friends");
		assertThat(this.mvc.perform(get("/manage/groups/" + slug).session(StaffedGroups.session(manager)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("named-facilitators");

		this.administration.facilitator(manager, slug, partner.fhirUser(), false);
		assertThat(this.directory.moderated(partner)).as("no longer facilitating, nothing left").isEmpty();
		assertThat(this.directory.page(this.member, slug).orElseThrow().cohostFacilitators()).isEmpty();
	}

	/** Someone from a partner organisation, launched as a practitioner. */
	private KinshipPrincipal partnerStaff() {
		String id = "partner-" + UUID.randomUUID().toString().substring(0, 8);
		return new KinshipPrincipal("sandbox", this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl(),
				"Practitioner/" + id, "Partner " + id, KinshipRole.CLINICIAN, Set.of(CommunityRight.FACILITATOR), null,
				null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	@Test
	void onlyAWebAddressAndOnlyAManagerAndOnlyTheGroupsFacilitators() {
		String slug = this.circle.group().slug();
		KinshipPrincipal manager = this.community.manager();
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.addCohost(manager, slug, "Sneaky", "javascript:alert(1)"))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.cohost-url"));
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.addCohost(manager, slug, "Sneaky", "https://user:pw@evil.example"));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> this.administration.addCohost(manager, slug, "X", ""))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.cohost-name"));
		assertThatExceptionOfType(Refused.class).as("a facilitator may not name co-hosts")
			.isThrownBy(() -> this.administration.addCohost(this.circle.facilitator(), slug, "Clinic", ""));
		assertThatExceptionOfType(Refused.class).as("nor a member")
			.isThrownBy(() -> this.administration.addCohost(this.member, slug, "Clinic", ""));

		this.administration.addCohost(manager, slug, "Eastside Clinic", "");
		Cohost cohost = this.administration.cohosts(this.circle.group()).get(0);
		assertThat(cohost.url()).isNull();
		assertThatExceptionOfType(Refused.class).as("only the group's facilitators")
			.isThrownBy(() -> this.administration.cohostFacilitator(manager, slug, cohost.id(), this.member.fhirUser(),
					true))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.cohost-facilitator"));
		Staffed other = this.community.group("Elsewhere");
		assertThatExceptionOfType(Refused.class).as("not another group's co-host")
			.isThrownBy(() -> this.administration.removeCohost(manager, other.group().slug(), cohost.id()));
		for (int i = 1; i < 5; i++) {
			this.administration.addCohost(manager, slug, "Partner " + i, "");
		}
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.addCohost(manager, slug, "One too many", ""))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.cohosts-full"));
	}

}
