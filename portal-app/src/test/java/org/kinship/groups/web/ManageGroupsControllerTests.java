package org.kinship.groups.web;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.conversations.Conversations;
import org.kinship.groups.CohortCount;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupForm;
import org.kinship.shared.Refused;
import org.kinship.shared.web.Problem;
import org.kinship.shared.web.SignedIn;
import org.kinship.times.MemberTimes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ManageGroupsController.class)
class ManageGroupsControllerTests {

	// the pages' time-zone interceptor and templates (@kinshipTimes) ask it for the zone
	@MockitoBean(name = "kinshipTimes")
	MemberTimes memberTimes;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GroupAdministration administration;

	@MockitoBean
	GroupDirectory directory;

	@MockitoBean
	BroadcastInbox inbox;

	@MockitoBean
	Conversations conversations;

	@BeforeEach
	void signIn() {
		given(this.administration.facilitatorCandidates(any())).willReturn(List.of());
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void showsTheFormAgainWithWhatWasTypedWhenANewGroupIsRefused() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));
		given(this.administration.create(any(), any()))
			.willThrow(new Refused("groups.error.group-name-taken", "Walkers"));

		var result = this.mvc
			.perform(post("/manage/groups/new").param("action", "create")
				.param("name", "Walkers")
				.param("description", "We walk")
				.param("guidelines", "Be kind")
				.param("listed", "true")
				.param("snomedCodes", "44054006")
				.param("icd10Codes", "E11")
				.param("audience", "PATIENTS")
				.param("status", "OPEN"))
			.andExpect(status().is(422))
			.andExpect(view().name("groups/form"))
			.andReturn();

		Problem problem = (Problem) result.getModelAndView().getModel().get("problem");
		assertThat(problem.key()).isEqualTo("groups.error.group-name-taken");
		assertThat(problem.args()).containsExactly("Walkers");
		assertThat(((GroupForm) result.getModelAndView().getModel().get("form")).description()).isEqualTo("We walk");
	}

	@Test
	void thePreviewSaysWhenEachMembersRecordWasReadOneByOne() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));
		given(this.administration.preview(any(), any(), any(), any()))
			.willReturn(new CohortCount(OptionalInt.of(3), CohortCount.How.READS_SEARCH_REFUSED));

		String page = preview();

		assertThat(page).contains("3 Kinship members match these codes today.")
			.contains(
					"The health record system refused a search by code, so each member&#39;s record was read one by one");

		given(this.administration.preview(any(), any(), any(), any()))
			.willReturn(new CohortCount(OptionalInt.of(3), CohortCount.How.SEARCH));
		assertThat(preview()).contains("3 Kinship members match these codes today.").doesNotContain("one by one");
	}

	private String preview() throws Exception {
		return this.mvc
			.perform(post("/manage/groups/new").param("action", "preview")
				.param("name", "Walkers")
				.param("description", "We walk")
				.param("guidelines", "Be kind")
				.param("listed", "true")
				.param("snomedCodes", "44054006")
				.param("icd10Codes", "")
				.param("audience", "PATIENTS")
				.param("status", "OPEN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void goesBackToTheGroupWithTheReasonWhenAFacilitatorIsRefused() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));
		willThrow(new Refused("groups.error.not-facilitator")).given(this.administration)
			.facilitator(any(), eq("walkers"), eq("Practitioner/x"), anyBoolean());

		var result = this.mvc
			.perform(post("/manage/groups/walkers/facilitators").param("fhirUser", "Practitioner/x")
				.param("assign", "true"))
			.andExpect(redirectedUrl("/manage/groups/walkers"))
			.andReturn();

		assertThat(((Problem) result.getFlashMap().get("problem")).key()).isEqualTo("groups.error.not-facilitator");
		assertThat(result.getFlashMap().get("notice")).isNull();
	}

	@Test
	void onlyCommunityManagersOpenTheNewGroupForm() throws Exception {
		SignedIn.as(SignedIn.patient("p-1"));

		this.mvc.perform(get("/manage/groups/new")).andExpect(status().isForbidden());
	}

	@Test
	void previewsGuidelinesAsTheServerWouldSaveThem() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));
		given(this.administration.renderGuidelines(any(), eq("Be **kind**")))
			.willReturn("<p>Be <strong>kind</strong></p>");

		this.mvc.perform(post("/manage/groups/guidelines/preview").param("guidelines", "Be **kind**"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string("<p>Be <strong>kind</strong></p>"));
	}

	@Test
	void refusesAMemberAGuidelinesPreview() throws Exception {
		SignedIn.as(SignedIn.patient("p-1"));
		given(this.administration.renderGuidelines(any(), any()))
			.willThrow(Refused.forbidden("groups.error.not-staff"));

		this.mvc.perform(post("/manage/groups/guidelines/preview").param("guidelines", "Be kind"))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesGuidelinesTooLongToPreview() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));
		given(this.administration.renderGuidelines(any(), any()))
			.willThrow(new Refused("groups.error.guidelines-length"));

		this.mvc.perform(post("/manage/groups/guidelines/preview").param("guidelines", "x".repeat(20_001)))
			.andExpect(status().isUnprocessableContent());
	}

}
