package org.kinship.careplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The care-plan panel on a group's page, against an EHR played by WireMock: what concerns
 * the group's condition first and in plain words, only active items, names of the care
 * team from included resources, the session cache and its refresh, reads made in
 * parallel, and who sees no panel at all.
 */
// the members here are new to their group: what they share is posted, not held for the
// review of first posts that ModerationIntegrationTests covers
// the panel waits for the record as long as a loaded machine may need: that the parts are
// read at once is seen from the EHR's side, and the panel's time is measured under
// deploy/bench
@SpringBootTest(properties = { "kinship.moderation.new-member-posts=0", "kinship.careplan.panel-timeout=PT60S" })
@AutoConfigureMockMvc
class CarePlanPanelIntegrationTests {

	static final WireMockEhr EHR = new WireMockEhr("panel");

	static final String GROUP = "/groups/heart-failure-support";

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@DynamicPropertySource
	static void ehr(DynamicPropertyRegistry registry) {
		EHR.register(registry);
	}

	@BeforeEach
	void stubEhr() {
		EHR.reset();
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void putsWhatConcernsTheGroupsConditionFirstInPlainWords() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p1");
		String page = groupPage(member("p1"));

		assertThat(part(page, "conditions")).contains("Chronic congestive heart failure")
			.doesNotContain("(disorder)")
			.doesNotContain("Diabetes");
		assertThat(part(page, "plans")).containsSubsequence("Daily weight", "Low-salt diet", "Walk 30 minutes a day")
			.contains("In progress", "Not started yet", "Once a day", "Every morning",
					"Part of: Heart failure self management plan")
			.doesNotContain("Rest after bronchitis");
		assertThat(part(page, "goals")).containsSubsequence("Improved systolic function", "Bring my A1c below 7%")
			.contains("Improving", "By 1 March 2027", "Target: HbA1c: &lt; 7 %")
			.doesNotContain("Stop smoking");
		assertThat(part(page, "medications"))
			.containsSubsequence("Furosemide 40 MG Oral Tablet", "Metformin 500 MG Extended Release Oral Tablet")
			.contains("Once a day", "Take 1 tablet twice a day with meals")
			.doesNotContain("Amoxicillin");
		assertThat(part(page, "care-team")).contains("Dr. Ada Heart", "Cardiologist", "Nurse Ben Okoro")
			.doesNotContain("Pat Example");
		assertThat(part(page, "appointments")).contains("Heart clinic", "With Dr. Ada Heart", "5 January 2099, 10:00")
			.doesNotContain("Old visit");
		assertThat(page).contains("id=\"discussion\"").doesNotContain("careplan-status");
	}

	@Test
	void readsEveryPartAtOnceWithIncludesAndAuditsEachRead() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p2");
		MockHttpSession session = member("p2");
		// every read is held until all six have been asked for: made one after another,
		// they never would be
		EHR.wave.arm();
		String page;
		try {
			page = groupPage(session);
		}
		finally {
			EHR.wave.disarm();
		}

		assertThat(EHR.wave.gatheredWhole()).as("all six parts asked for at once").isTrue();
		assertThat(page).doesNotContain("did not arrive in time").contains("Furosemide 40 MG Oral Tablet");
		EHR.server.verify(getRequestedFor(urlPathEqualTo(EHR.fhirPath("CareTeam")))
			.withQueryParam("_include", WireMock.equalTo("CareTeam:participant"))
			.withQueryParam("status", WireMock.equalTo("active")));
		EHR.server.verify(getRequestedFor(urlPathEqualTo(EHR.fhirPath("Appointment"))).withQueryParam("_include",
				WireMock.equalTo("Appointment:practitioner")));
		EHR.server.verify(getRequestedFor(urlPathEqualTo(EHR.fhirPath("MedicationRequest")))
			.withQueryParam("patient", WireMock.equalTo("p2"))
			.withQueryParam("status", WireMock.equalTo("active"))
			.withQueryParam("_count", WireMock.equalTo("50")));
		assertThat(this.audit.latest(EHR.fhirBase(), 50))
			.filteredOn((entry) -> "Patient/p2".equals(entry.patient()) && entry.action() == AuditAction.FHIR_READ)
			.extracting(AuditEntry::resourceTypes)
			.contains("CarePlan", "Goal", "MedicationRequest", "Condition", "CareTeam", "Appointment");
	}

	@Test
	void servesTheSessionsCachedRecordUntilTheMemberRefreshes() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p3");
		MockHttpSession session = member("p3");
		String first = groupPage(session);
		groupPage(session);
		EHR.server.verify(1, getRequestedFor(urlPathEqualTo(EHR.fhirPath("CarePlan"))));

		String target = this.mvc
			.perform(post(GROUP + "/care-plan/refresh").session(session).param("_csrf", WireMockEhr.csrf(first)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(target).isEqualTo(GROUP + "#care-plan");
		groupPage(session);
		EHR.server.verify(2, getRequestedFor(urlPathEqualTo(EHR.fhirPath("CarePlan"))));
	}

	@Test
	void showsThePanelOnAPageOfItsOwnForABrowserWithoutScripts() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p11");
		MockHttpSession session = member("p11");
		String group = this.mvc.perform(get(GROUP).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(group).contains("id=\"careplan-open\" href=\"/groups/heart-failure-support/care-plan\"");
		var page = this.mvc.perform(get(GROUP + "/care-plan").session(session)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<h1>Care plan from the health record</h1>")
			.contains("id=\"careplan-back\" href=\"/groups/heart-failure-support\"");
		assertThat(part(page.getContentAsString(), "medications")).contains("Furosemide 40 MG Oral Tablet");
	}

	@Test
	void showsNoPanelAndReadsNothingForSomeoneWhoIsNotAMember() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p4");
		MockHttpSession visitor = EHR.launch(this.mvc, "Patient/p4", "p4", WireMockEhr.ALL_SCOPES);
		EHR.server.resetRequests();
		String page = groupPage(visitor);
		assertThat(page).contains("id=\"discussion\"").doesNotContain("id=\"care-plan\"").doesNotContain("Furosemide");
		for (String path : List.of(GROUP + "/care-plan/panel", GROUP + "/care-plan")) {
			var panel = this.mvc.perform(get(path).session(visitor)).andReturn().getResponse();
			assertThat(panel.getStatus()).as(path).isEqualTo(404);
			assertThat(panel.getContentAsString()).doesNotContain("Furosemide");
		}
		EHR.server.verify(0, getRequestedFor(urlPathMatching(".*/fhir/(CarePlan|Goal|MedicationRequest).*")));
	}

	@Test
	void showsNoPanelToAClinicianOutsideAPatientsChart() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p1");
		MockHttpSession clinician = EHR.launch(this.mvc, "Practitioner/dr-9", null, WireMockEhr.ALL_SCOPES);
		EHR.join(this.mvc, clinician, "heart-failure-support", "Dr Nine");
		EHR.server.resetRequests();
		String page = groupPage(clinician);
		assertThat(page).contains("You are a member as Dr Nine").doesNotContain("id=\"care-plan\"");
		EHR.server.verify(0, getRequestedFor(urlPathMatching(".*/fhir/.*")));
	}

	@Test
	void aPageThatFindsTheRecordFreshDoesNotWriteItBackToTheSession() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p12");
		MockHttpSession launched = member("p12");
		assertThat(groupPage(launched)).contains("Furosemide 40 MG Oral Tablet");
		// with sessions in Redis every attribute set is sealed and written: the record
		// read
		// again from the session must not be set again at the end of the request
		List<String> written = new ArrayList<>();
		MockHttpSession session = new MockHttpSession() {

			@Override
			public void setAttribute(String name, Object value) {
				written.add(name);
				super.setAttribute(name, value);
			}

		};
		Collections.list(launched.getAttributeNames())
			.forEach((name) -> session.setAttribute(name, launched.getAttribute(name)));
		written.clear();

		assertThat(groupPage(session)).contains("Furosemide 40 MG Oral Tablet");

		assertThat(written).doesNotContain("org.kinship.careplan.internal.SessionRecords");
	}

	@Test
	void readsThePatientOnceForTheLaunchTheHomePageAndTheGroupPage() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p9");
		stubPatient("p9", "Rosa", "Diaz");
		// no name in the id_token and a banner asked for: the launch needs the name twice
		MockHttpSession patient = EHR.launch(this.mvc, "Patient/p9", "p9", WireMockEhr.ALL_SCOPES,
				"\"need_patient_banner\": true", null);
		EHR.join(this.mvc, patient, "heart-failure-support", "Member p9");
		assertThat(home(patient)).contains("Welcome, Rosa Diaz")
			.contains("Connected to your health record (Rosa Diaz)")
			.contains("id=\"patient-banner-name\">Rosa Diaz<");
		assertThat(groupPage(patient)).contains("Furosemide 40 MG Oral Tablet");
		home(patient);
		EHR.server.verify(1, getRequestedFor(urlPathEqualTo(EHR.fhirPath("Patient/p9"))));
		assertThat(this.audit.latest(EHR.fhirBase(), 80))
			.filteredOn((entry) -> "Patient/p9".equals(entry.patient()) && entry.action() == AuditAction.FHIR_READ)
			.extracting(AuditEntry::resourceTypes)
			.containsOnlyOnce("Patient");
	}

	@Test
	void showsAClinicianNeitherTheChartPatientsBannerNorTheirCarePlan() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p10");
		stubPatient("p10", "Walter", "Brooks");
		MockHttpSession clinician = EHR.launch(this.mvc, "Practitioner/dr-10", "p10", WireMockEhr.ALL_SCOPES,
				"\"need_patient_banner\": true", "Dr Ten");
		EHR.join(this.mvc, clinician, "heart-failure-support", "Dr Ten");
		EHR.server.resetRequests();
		assertThat(home(clinician)).doesNotContain("patient-banner-name")
			.doesNotContain("Walter Brooks")
			.contains("Refer the patient from this chart");
		String page = groupPage(clinician);
		assertThat(page).contains("You are a member as Dr Ten")
			.doesNotContain("id=\"care-plan\"")
			.doesNotContain("Walter Brooks")
			.doesNotContain("Furosemide 40 MG Oral Tablet");
		assertThat(this.mvc.perform(get(GROUP + "/care-plan/panel").session(clinician))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		EHR.server.verify(0, getRequestedFor(urlPathMatching(".*/fhir/.*")));
	}

	@Test
	void sharesAGoalInTheMembersOwnWordsAfterAPreview() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p6");
		MockHttpSession session = member("p6");
		String page = groupPage(session);
		assertThat(part(page, "goals"))
			.contains("href=\"/groups/heart-failure-support/care-plan/share?kind=GOAL&amp;key=g-dm\"");

		String preview = this.mvc
			.perform(get(GROUP + "/care-plan/share").param("kind", "GOAL").param("key", "g-dm").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("<textarea id=\"share-text\" name=\"text\"")
			.contains(">My goal: Bring my A1c below 7%</textarea>");

		java.util.regex.Matcher clientId = java.util.regex.Pattern.compile("name=\"clientId\" value=\"([^\"]+)\"")
			.matcher(preview);
		assertThat(clientId.find()).as("the card's own id in the form").isTrue();
		for (int attempt = 0; attempt < 2; attempt++) {
			var shared = this.mvc
				.perform(post(GROUP + "/care-plan/share").session(session)
					.param("kind", "GOAL")
					.param("key", "g-dm")
					.param("clientId", clientId.group(1))
					.param("text", "  My goal: A1c under 7 by the summer!\u0007  ")
					.param("_csrf", WireMockEhr.csrf(preview)))
				.andReturn()
				.getResponse();
			assertThat(shared.getStatus()).isEqualTo(302);
			assertThat(shared.getRedirectedUrl()).isEqualTo(GROUP);
		}
		java.util.regex.Matcher groupId = java.util.regex.Pattern.compile("data-group-id=\"([0-9]+)\"").matcher(page);
		assertThat(groupId.find()).isTrue();
		String discussion = this.mvc.perform(get("/chat/groups/" + groupId.group(1) + "/messages").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(discussion).as("posted once in the member's words, cleaned of control characters")
			.containsOnlyOnce("My goal: A1c under 7 by the summer!</p>");
	}

	@Test
	void refusesAnEmptyCardAndKeepsWhatWasTyped() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p7");
		MockHttpSession session = member("p7");
		String page = groupPage(session);
		var refused = this.mvc
			.perform(post(GROUP + "/care-plan/share").session(session)
				.param("kind", "ACTIVITY")
				.param("key", "cp-hf~1")
				.param("clientId", "card-empty-1")
				.param("text", "   ")
				.param("_csrf", WireMockEhr.csrf(page)))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Write something to share, or cancel.")
			.contains("name=\"key\" value=\"cp-hf~1\"");
	}

	@Test
	void refusesToShareWhatIsNotInTheMembersRecordOrForANonMember() throws Exception {
		HeartFailureRecord.stubOn(EHR, "p8");
		MockHttpSession session = member("p8");
		var unknown = this.mvc.perform(
				get(GROUP + "/care-plan/share").param("kind", "GOAL").param("key", "someone-elses").session(session))
			.andReturn()
			.getResponse();
		assertThat(unknown.getStatus()).isEqualTo(403);
		assertThat(unknown.getContentAsString()).contains("no longer in the record").doesNotContain("share-text");

		MockHttpSession visitor = EHR.launch(this.mvc, "Patient/p8", "p8", WireMockEhr.ALL_SCOPES);
		var notMember = this.mvc
			.perform(get("/groups/breathing-easier-with-copd/care-plan/share").param("kind", "GOAL")
				.param("key", "g-dm")
				.session(visitor))
			.andReturn()
			.getResponse();
		assertThat(notMember.getStatus()).isEqualTo(403);
		assertThat(notMember.getContentAsString()).contains("Only members of this group can share with it.");
	}

	private void stubPatient(String id, String given, String family) {
		EHR.server.stubFor(WireMock.get(urlPathEqualTo(EHR.fhirPath("Patient/" + id)))
			.willReturn(WireMockEhr.fhirJson("""
					{"resourceType": "Patient", "id": "%s", "name": [{"given": ["%s"], "family": "%s"}]}"""
				.formatted(id, given, family))));
	}

	private String home(MockHttpSession session) throws Exception {
		var response = this.mvc.perform(get("/").session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpSession member(String patient) throws Exception {
		MockHttpSession session = EHR.launch(this.mvc, "Patient/" + patient, patient, WireMockEhr.ALL_SCOPES);
		EHR.join(this.mvc, session, "heart-failure-support", "Member " + patient);
		return session;
	}

	private String groupPage(MockHttpSession session) throws Exception {
		return WireMockEhr.groupPageWithPanel(this.mvc, session, GROUP);
	}

	/** The HTML of one part of the panel. */
	static String part(String page, String slug) {
		int start = page.indexOf("id=\"careplan-" + slug + "\"");
		assertThat(start).as("part " + slug + " in the panel").isPositive();
		return page.substring(start, page.indexOf("</section>", start));
	}

}
