package org.kinship.careplan;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.careplan.CarePlanPanelIntegrationTests.part;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An EHR that misbehaves, played by WireMock: slow, down, refusing the token, refusing a
 * part, not granting scopes, sending malformed JSON or resources, another patient's
 * resources, and more results than Kinship keeps. The group page always renders with its
 * discussion; the panel says in plain words what is missing and offers a retry.
 */
// a panel timeout that a loaded machine's reads of the other parts fit in, and a slow
// part far slower than it that the EHR client still waits for: what the panel does at
// the timeout shows, not how fast the machine is
@SpringBootTest(properties = { "kinship.careplan.page-size=2", "kinship.careplan.max-entries=4",
		"kinship.careplan.panel-timeout=PT10S", "kinship.launch.read-timeout=PT90S" })
@AutoConfigureMockMvc
class CarePlanFaultsIntegrationTests {

	/** Far beyond the panel's timeout. */
	private static final int SLOW_PART_MILLIS = 60_000;

	static final WireMockEhr EHR = new WireMockEhr("faults");

	static final WireMockServer ELSEWHERE = new WireMockServer(options().dynamicPort());

	static final String GROUP = "/groups/heart-failure-support";

	static {
		ELSEWHERE.start();
	}

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
		ELSEWHERE.resetAll();
	}

	@AfterAll
	static void stop() {
		EHR.stop();
		ELSEWHERE.stop();
	}

	@Test
	void saysWhatDidNotArriveWhenTheEhrIsSlowerThanTheTimeBudgetAndReadsAgainOnRetry() throws Exception {
		MockHttpSession session = member("s1");
		HeartFailureRecord.stubOn(EHR, "s1");
		EHR.server.stubFor(WireMock.get(urlPathEqualTo(EHR.fhirPath("MedicationRequest")))
			.willReturn(WireMockEhr.fhirJson(WireMockEhr.bundle()).withFixedDelay(SLOW_PART_MILLIS)));
		long start = System.nanoTime();
		String page = groupPage(session);
		assertThat((System.nanoTime() - start) / 1_000_000).as("the page does not wait for the slow part")
			.isLessThan(SLOW_PART_MILLIS);
		assertThat(page).contains("id=\"discussion\"")
			.contains("The health record is slow to answer, so part of the care plan is missing below.")
			.contains("id=\"careplan-retry\" href=\"/groups/heart-failure-support#care-plan\"");
		assertThat(part(page, "medications")).contains("This did not arrive in time.");
		assertThat(part(page, "plans")).contains("Daily weight");

		HeartFailureRecord.stubOn(EHR, "s1");
		assertThat(part(groupPage(session), "medications")).contains("Furosemide 40 MG Oral Tablet");
	}

	@Test
	void showsTheGroupPageWithoutAskingTheEhrAndThePanelAfterIt() throws Exception {
		MockHttpSession session = member("s13");
		HeartFailureRecord.stubOn(EHR, "s13");
		EHR.server.stubFor(WireMock.get(urlPathMatching(".*/fhir/(CarePlan|Goal|MedicationRequest)"))
			.willReturn(WireMockEhr.fhirJson(WireMockEhr.bundle()).withFixedDelay(SLOW_PART_MILLIS)));
		EHR.server.resetRequests();
		var response = this.mvc.perform(get(GROUP).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("id=\"discussion\"")
			.contains("id=\"care-plan\"")
			.contains("aria-busy=\"true\"")
			.contains("data-careplan-src=\"/groups/heart-failure-support/care-plan/panel\"")
			.contains("href=\"/groups/heart-failure-support/care-plan\"")
			.doesNotContain("id=\"careplan-medications\"");
		assertThat(EHR.server.findAll(getRequestedFor(urlPathMatching(".*/fhir/.*")))).as("nothing read for the page")
			.isEmpty();
	}

	@Test
	void keepsThePageWorkingWhenTheEhrIsDown() throws Exception {
		MockHttpSession session = member("s2");
		EHR.server.stubFor(WireMock.get(urlPathMatching(".*/fhir/(CarePlan|Goal|Condition|CareTeam|Appointment)"))
			.willReturn(aResponse().withStatus(500).withBody("down")));
		EHR.server.stubFor(WireMock.get(urlPathEqualTo(EHR.fhirPath("MedicationRequest")))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String page = groupPage(session);
		assertThat(page).contains("id=\"discussion\"")
			.contains("The health record could not be reached just now")
			.contains("Try again")
			.doesNotContain("Exception");
		assertThat(part(page, "medications")).contains("This could not be reached.");
		assertThat(part(page, "goals")).contains("This could not be reached.");
	}

	@Test
	void renewsTheTokenOnceWhenTheEhrAnswers401AndReadsAgain() throws Exception {
		MockHttpSession session = member("s3");
		HeartFailureRecord.stubOn(EHR, "s3");
		EHR.server.stubFor(WireMock.get(urlPathMatching(".*/fhir/[A-Za-z]+"))
			.withHeader("Authorization", WireMock.equalTo("Bearer at-1"))
			.willReturn(aResponse().withStatus(401)));
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("Furosemide 40 MG Oral Tablet");
		assertThat(page).doesNotContain("careplan-status");
		EHR.server.verify(1, postRequestedFor(urlPathEqualTo("/faults/token"))
			.withRequestBody(containing("grant_type=refresh_token")));
		EHR.server.verify(getRequestedFor(urlPathEqualTo(EHR.fhirPath("MedicationRequest"))).withHeader("Authorization",
				WireMock.equalTo("Bearer at-2")));
		assertThat(this.audit.latest(EHR.fhirBase(), 50))
			.anyMatch((entry) -> entry.action() == AuditAction.TOKEN_REFRESH && "Patient/s3".equals(entry.actor()));
	}

	@Test
	void saysPlainlyWhenTheEhrNoLongerAcceptsTheSession() throws Exception {
		MockHttpSession session = member("s4");
		EHR.refuseRefresh();
		EHR.server.stubFor(WireMock.get(urlPathMatching(".*/fhir/[A-Za-z]+")).willReturn(aResponse().withStatus(401)));
		String page = groupPage(session);
		assertThat(page).contains("id=\"discussion\"")
			.contains("Kinship can no longer read the health record in this visit")
			.contains("Try again")
			.doesNotContain("id=\"careplan-goals\"");
	}

	@Test
	void saysWhichPartTheEhrForbids() throws Exception {
		MockHttpSession session = member("s5");
		HeartFailureRecord.stubOn(EHR, "s5");
		EHR.server.stubFor(WireMock.get(urlPathEqualTo(EHR.fhirPath("Goal"))).willReturn(aResponse().withStatus(403)));
		String page = groupPage(session);
		assertThat(part(page, "goals")).contains("Your health system did not let Kinship read this.");
		assertThat(part(page, "medications")).contains("Furosemide 40 MG Oral Tablet");
		assertThat(page).doesNotContain("careplan-status");
	}

	@Test
	void neverAsksForWhatTheScopesDoNotCover() throws Exception {
		MockHttpSession session = EHR.launch(this.mvc, "Patient/s6", "s6",
				"openid fhirUser launch patient/Condition.rs patient/CarePlan.rs patient/Goal.rs patient/CareTeam.rs");
		EHR.join(this.mvc, session, "heart-failure-support", "Member s6");
		HeartFailureRecord.stubOn(EHR, "s6");
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("Your health system did not let Kinship read this.");
		assertThat(part(page, "appointments")).contains("Your health system did not let Kinship read this.");
		assertThat(part(page, "plans")).contains("Daily weight");
		// without patient/Practitioner.rs the care team comes without its clinicians
		assertThat(part(page, "care-team")).contains("Nurse Ben Okoro");
		EHR.server.verify(0, getRequestedFor(urlPathMatching(".*/fhir/(MedicationRequest|Appointment).*")));
		EHR.server.verify(getRequestedFor(urlPathEqualTo(EHR.fhirPath("CareTeam"))).withoutQueryParam("_include"));
	}

	@Test
	void saysWhenWhatTheEhrSentCannotBeRead() throws Exception {
		MockHttpSession session = member("s7");
		HeartFailureRecord.stubOn(EHR, "s7");
		EHR.stubBundle("Goal", "{\"resourceType\": \"Bundle\", \"entry\": [");
		EHR.server.stubFor(WireMock.get(urlPathEqualTo(EHR.fhirPath("Condition")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>")));
		String page = groupPage(session);
		assertThat(page).contains("Part of what the health record sent could not be read");
		assertThat(part(page, "goals")).contains("This could not be read.");
		assertThat(part(page, "conditions")).contains("This could not be read.");
		assertThat(part(page, "medications")).contains("Furosemide 40 MG Oral Tablet");
	}

	@Test
	void showsResourcesWithMissingFieldsAndUnknownCodesInPlainWords() throws Exception {
		MockHttpSession session = member("s8");
		EHR.stubEmptyRecord();
		EHR.stubSearch("MedicationRequest",
				"""
						{"resourceType": "MedicationRequest", "id": "m-1", "status": "active", "subject": {"reference": "Patient/s8"},
						 "medicationCodeableConcept": {"coding": [{"system": "urn:oid:1.2.3", "code": "X-42"}]}}""",
				"""
						{"resourceType": "MedicationRequest", "id": "m-2", "status": "active", "subject": {"reference": "Patient/s8"}}""",
				"""
						{"resourceType": "MedicationRequest", "id": "m-3", "status": "active",
						 "medicationCodeableConcept": {"text": "Nobody's medicine"}}""");
		EHR.stubSearch("Goal",
				"""
						{"resourceType": "Goal", "id": "g-1", "lifecycleStatus": "active", "subject": {"reference": "Patient/s8"},
						 "target": [{"detailRange": {"low": {"value": 4}, "high": {"value": 8, "unit": "h"}}}],
						 "achievementStatus": {"text": "Going well"}}""");
		EHR.stubSearch("CarePlan",
				"""
						{"resourceType": "CarePlan", "id": "cp-1", "status": "active", "subject": {"reference": "Patient/s8"},
						 "activity": [{"detail": {"status": "in-progress"}}, {"reference": {"display": "Cardiac rehabilitation"}},
						  {"detail": {"status": "entered-in-error", "description": "Wrong entry"}}]}""");
		EHR.stubSearch("Appointment", """
				{"resourceType": "Appointment", "id": "a-1", "status": "booked", "description": "No date yet",
				 "participant": [{"actor": {"reference": "Patient/s8"}}]}""");
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("A medicine the record does not name")
			.doesNotContain("X-42")
			.doesNotContain("Nobody&#39;s medicine");
		assertThat(part(page, "goals")).contains("A goal the record does not name", "Going well", "4 – 8 h");
		assertThat(part(page, "plans")).contains("An activity the record does not name", "Cardiac rehabilitation",
				"Status not given");
		assertThat(part(page, "plans")).doesNotContain("Wrong entry");
		assertThat(part(page, "appointments")).contains("No upcoming appointments").doesNotContain("No date yet");
	}

	@Test
	void dropsAnotherPatientsResourcesAndRecordsASecurityEvent() throws Exception {
		MockHttpSession session = member("s9");
		HeartFailureRecord.stubOn(EHR, "s9");
		EHR.stubSearch("MedicationRequest", HeartFailureRecord.of("s9", HeartFailureRecord.HF_MEDICATION)[0],
				"""
						{"resourceType": "MedicationRequest", "id": "m-x", "status": "active", "subject": {"reference": "Patient/p-other"},
						 "medicationCodeableConcept": {"text": "Someone else's medicine"}}""",
				"""
						{"resourceType": "MedicationRequest", "id": "m-y", "status": "active",
						 "subject": {"reference": "http://elsewhere.example/fhir/Patient/s9"},
						 "medicationCodeableConcept": {"text": "Another hospital's patient s9"}}""");
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("Furosemide 40 MG Oral Tablet")
			.doesNotContain("Someone else")
			.doesNotContain("Another hospital");
		assertThat(this.audit.latest(EHR.fhirBase(), 80))
			.filteredOn((entry) -> entry.action() == AuditAction.FOREIGN_RESOURCE_DROPPED)
			.filteredOn((entry) -> "Patient/s9".equals(entry.patient()))
			.extracting(AuditEntry::resourceTypes)
			.containsExactly("MedicationRequest", "MedicationRequest");
	}

	@Test
	void followsPagesUpToTheCapAndReadsOnWhenAsked() throws Exception {
		MockHttpSession session = member("s10");
		HeartFailureRecord.stubOn(EHR, "s10");
		stubPage("MedicationRequest", null, "p2", "s10", "Med one", "Med two");
		stubPage("p2", "p2", "p3", "s10", "Med three", "Med four");
		stubPage("p3", "p3", null, "s10", "Med five");
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("Med one", "Med four")
			.doesNotContain("Med five")
			.contains("href=\"/groups/heart-failure-support/care-plan/more/medications\"");

		String target = this.mvc.perform(get(GROUP + "/care-plan/more/medications").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(target).isEqualTo(GROUP + "#careplan-medications");
		assertThat(part(groupPage(session), "medications")).contains("Med one", "Med five")
			.doesNotContain("care-plan/more/medications");
	}

	@Test
	void neverFollowsANextLinkAwayFromTheEhr() throws Exception {
		MockHttpSession session = member("s11");
		HeartFailureRecord.stubOn(EHR, "s11");
		EHR.stubBundle("MedicationRequest", pageOf("s11", ELSEWHERE.baseUrl() + "/fhir?_getpages=x", "Med one"));
		String page = groupPage(session);
		assertThat(part(page, "medications")).contains("Med one")
			.contains("The record holds more than Kinship shows here");
		assertThat(ELSEWHERE.getAllServeEvents()).isEmpty();
	}

	@Test
	void keepsNoMoreThanTheCapOfAPageThatIgnoresTheCount() throws Exception {
		MockHttpSession session = member("s12");
		HeartFailureRecord.stubOn(EHR, "s12");
		EHR.stubBundle("MedicationRequest",
				pageOf("s12", null, "Med 1", "Med 2", "Med 3", "Med 4", "Med 5", "Med 6", "Med 7", "Med 8", "Med 9"));
		String page = part(groupPage(session), "medications");
		assertThat(page).contains("Med 1", "Med 4")
			.doesNotContain("Med 5")
			.contains("The record holds more than Kinship shows here");
	}

	private void stubPage(String path, String pageKey, String nextKey, String patient, String... names) {
		String next = (nextKey != null) ? EHR.fhirBase() + "?_getpages=" + nextKey : null;
		var request = (pageKey == null) ? WireMock.get(urlPathEqualTo(EHR.fhirPath(path)))
				: WireMock.get(urlPathEqualTo("/faults/fhir")).withQueryParam("_getpages", WireMock.equalTo(pageKey));
		EHR.server.stubFor(request.willReturn(WireMockEhr.fhirJson(pageOf(patient, next, names))));
	}

	private static String pageOf(String patient, String next, String... names) {
		StringBuilder entries = new StringBuilder();
		for (int n = 0; n < names.length; n++) {
			entries.append((n > 0) ? "," : "").append("""
					{"resource": {"resourceType": "MedicationRequest", "id": "m-%d-%s", "status": "active",
					 "subject": {"reference": "Patient/%s"}, "medicationCodeableConcept": {"text": "%s"}}}
					""".formatted(n, names[n].replace(' ', '-'), patient, names[n]));
		}
		String link = (next != null) ? "\"link\": [{\"relation\": \"next\", \"url\": \"" + next + "\"}]," : "";
		return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", " + link + " \"entry\": [" + entries + "]}";
	}

	private MockHttpSession member(String patient) throws Exception {
		MockHttpSession session = EHR.launch(this.mvc, "Patient/" + patient, patient, WireMockEhr.ALL_SCOPES);
		EHR.join(this.mvc, session, "heart-failure-support", "Member " + patient);
		return session;
	}

	private String groupPage(MockHttpSession session) throws Exception {
		return WireMockEhr.groupPageWithPanel(this.mvc, session, GROUP);
	}

}
