package org.kinship;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A clinician's patient in context is for referring only: staff launched from a chart see
 * no "Patient:" banner and no care plan of that patient on the review queue, the
 * broadcast composer or a group's page, and a clinician who facilitates a group is known
 * there as its facilitator, not offered to join it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChartPatientIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	private Staffed circle;

	private StaffedGroups community;

	@BeforeEach
	void group() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Diabetes circle");
	}

	@Test
	void staffPagesNeverShowTheChartPatientsBannerOrCarePlan() throws Exception {
		MockHttpSession facilitator = StaffedGroups.session(fromChart(this.circle.facilitator()));
		MockHttpSession manager = StaffedGroups.session(fromChart(this.community.manager()));
		for (String page : List.of("/review", "/groups/" + this.circle.group().slug())) {
			assertThat(body(facilitator, page)).as(page)
				.doesNotContain("patient-banner")
				.doesNotContain("Walter Brooks")
				.doesNotContain("id=\"care-plan\"");
		}
		for (String page : List.of("/manage/broadcasts/new", "/review", "/groups/" + this.circle.group().slug())) {
			assertThat(body(manager, page)).as(page).doesNotContain("patient-banner").doesNotContain("Walter Brooks");
		}
	}

	@Test
	void aClinicianWhoFacilitatesAGroupIsItsFacilitatorThereAndIsNotOfferedToJoinIt() throws Exception {
		MockHttpSession facilitator = StaffedGroups.session(fromChart(this.circle.facilitator()));
		String page = body(facilitator, "/groups/" + this.circle.group().slug());
		assertThat(page).contains("signed-in-role\">Facilitator<")
			.doesNotContain("signed-in-role\">Clinician<")
			.doesNotContain("id=\"join\"")
			.contains("You facilitate this group.");
		assertThat(body(facilitator, "/")).contains("signed-in-role\">Clinician<");
	}

	private String body(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	/**
	 * The same clinician, launched from Walter Brooks's chart with a banner asked for.
	 */
	private static KinshipPrincipal fromChart(KinshipPrincipal clinician) {
		return new KinshipPrincipal(clinician.issuerKey(), clinician.issuer(), clinician.fhirUser(),
				clinician.displayName(), clinician.role(), clinician.rights(), "walter-brooks", null, true,
				"Walter Brooks", null, null, List.of(),
				Set.of("patient/Patient.rs", "patient/Condition.rs", "patient/CarePlan.rs"), Map.of());
	}

}
