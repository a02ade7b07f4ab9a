package org.kinship.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.Memberships;
import org.kinship.insights.Insights.GroupInsights;
import org.kinship.insights.Shown.State;
import org.kinship.insights.internal.InsightStore;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group insights on the real MariaDB, computed by the refresh from stored contributions
 * and served from the store: a group of 10 shows fewer than 11 everywhere, one of 12
 * shows ranges, and members who withdraw leave every figure at the next refresh.
 */
@SpringBootTest(properties = "kinship.insights.refresh-interval=PT0S")
class InsightsIntegrationTests extends OnMariaDb {

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	CommunityRights rights;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	Insights insights;

	@Autowired
	InsightsRefresh refresh;

	@Autowired
	InsightStore store;

	private StaffedGroups community;

	private String issuer;

	@BeforeEach
	void community() {
		this.issuer = this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
		this.community = new StaffedGroups(this.administration, this.memberships, this.rights, this.issuer);
	}

	@Test
	void aGroupOfTenShowsFewerThanElevenEverywhere() {
		Staffed ten = this.community.group("Ten");
		List<KinshipPrincipal> members = contributingMembers(ten, 10);
		this.refresh.recompute(this.issuer);

		GroupInsights view = this.insights.of(members.get(0), ten.group().id());
		assertThat(view.members().state()).isEqualTo(State.FEWER);
		assertThat(view.contributors().state()).isEqualTo(State.FEWER);
		assertThat(view.medicines()).isEmpty();
	}

	@Test
	void aGroupOfTwelveShowsRangesAndWithdrawingLeavesTheFiguresAtTheNextRefresh() {
		Staffed twelve = this.community.group("Twelve");
		List<KinshipPrincipal> members = contributingMembers(twelve, 12);
		this.refresh.recompute(this.issuer);
		GroupInsights before = this.insights.of(twelve.facilitator(), twelve.group().id());
		assertThat(before.contributors().state()).isEqualTo(State.RANGE);
		assertThat(before.contributors().low()).isGreaterThanOrEqualTo(11);
		// every contributor takes it: a share of everyone tells about the rest
		assertThat(before.medicines()).singleElement()
			.satisfies((medicine) -> assertThat(medicine.shown().state()).isEqualTo(State.HIDDEN));

		this.insights.withdraw(members.get(0));
		this.insights.withdraw(members.get(1));
		assertThat(this.store.contributes(this.issuer, members.get(0).fhirUser())).isFalse();
		assertThat(this.insights.of(members.get(2), twelve.group().id())).isEqualTo(before.withViewer(true));

		this.refresh.recompute(this.issuer);
		GroupInsights after = this.insights.of(members.get(2), twelve.group().id());
		assertThat(after.contributors().state()).isEqualTo(State.FEWER);
		assertThat(after.members().state()).isEqualTo(State.RANGE);
		assertThat(after.medicines()).isEmpty();
	}

	private List<KinshipPrincipal> contributingMembers(Staffed group, int count) {
		List<KinshipPrincipal> members = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			KinshipPrincipal member = this.community.member(group.group(), "Finch");
			this.insights.contribute(member);
			this.store.replaceMedicines(this.issuer, member.fhirUser(), Map.of("metformin", "Metformin"),
					Instant.now());
			members.add(member);
		}
		return members;
	}

}
