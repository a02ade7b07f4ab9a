package org.kinship.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.escalation.CareTeamAlert.Status;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The escalation module with what it depends on, against the real MariaDB and an EHR
 * (WireMock) that fails: an urgent escalation raised in the review queue is written to
 * the patient's EHR for their care team through the Event Publication Registry, tried
 * again when the EHR fails, and what the facilitators see on the escalation says whether
 * it got there, with a second try offered when it did not. The open {@code shared} module
 * is included for the Event Publication Registry's table, a migration that is a bean
 * there.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
class CareTeamAlertModuleTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static {
		EHR.start();
		stubDiscovery("mt");
		stubDiscovery("mtt");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		for (String key : List.of("mt", "mtt")) {
			String prefix = "kinship.launch.issuers." + key + ".";
			registry.add(prefix + "display-name", () -> "Module Test Health " + key);
			registry.add(prefix + "fhir-base-url", () -> fhirBase(key));
			registry.add(prefix + "client-id", () -> "kinship-" + key);
			registry.add(prefix + "client-authentication", () -> "client_secret_basic");
			registry.add(prefix + "client-secret", () -> "s3cret");
			registry.add(prefix + "backend-client-id", () -> "kinship-backend");
			registry.add(prefix + "backend-scopes", () -> "system/CareTeam.rs system/Communication.c system/Task.c");
		}
		registry.add("kinship.groups.demo-issuers", () -> "mt,mtt");
		registry.add("kinship.escalation.care-team-alerts.mt", () -> "communication");
		registry.add("kinship.escalation.care-team-alerts.mtt", () -> "task");
		registry.add("kinship.escalation.alert-backoff", () -> "PT0.1S");
		// generous: the test is about the event flow, not a busy machine's timeouts
		registry.add("kinship.launch.connect-timeout", () -> "PT30S");
		registry.add("kinship.launch.read-timeout", () -> "PT60S");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	ReviewQueue queue;

	@Autowired
	CareTeamAlerts alerts;

	@Autowired
	GroupDirectory directory;

	@Autowired
	FirstResponses firstResponses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FhirContext fhir;

	@Test
	void anEhrThatFailsFirstIsTriedAgainAndTheCareTeamsPractitionersGetTheAlert(
			org.springframework.modulith.test.Scenario scenario) {
		String patient = patient();
		stubCareTeam("mt", patient);
		String scenarioName = "flaky " + patient;
		EHR.stubFor(communicationFor("mt", patient).inScenario(scenarioName)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		EHR.stubFor(communicationFor("mt", patient).inScenario(scenarioName)
			.whenScenarioStateIs("recovered")
			.willReturn(created("mt", "Communication", "c-" + patient)));
		KinshipPrincipal manager = manager("mt");
		long groupId = group(manager);

		AtomicLong itemId = new AtomicLong();
		scenario.stimulate(() -> itemId.set(escalate("mt", groupId, "Patient/" + patient)))
			.andWaitAtMost(Duration.ofMinutes(2))
			.andWaitForStateChange(() -> settled(manager, "mt", itemId.get()), (alert) -> alert != null)
			.andVerify((alert) -> {
				assertThat(alert.status()).isEqualTo(Status.WRITTEN);
				assertThat(alert.attempts()).as("the 503, then the write").isEqualTo(2);
				assertThat(alert.resource()).isEqualTo("Communication/c-" + patient);
				assertThat(alert.retryable()).isFalse();
				assertThat(publications(alert.itemId(), false)).as("publications left incomplete").isZero();
				assertThat(publications(alert.itemId(), true)).as("the alert's publication, completed").isEqualTo(1);
				List<Communication> sent = written("mt", patient, Communication.class);
				assertThat(sent).hasSize(2);
				Communication communication = sent.get(1);
				assertThat(communication.getSubject().getReference()).isEqualTo("Patient/" + patient);
				assertThat(communication.getRecipient()).extracting(Reference::getReference)
					.as("the practitioners of the care team, not its organization")
					.containsExactlyInAnyOrder("Practitioner/dr-a", "PractitionerRole/nurse-b");
				assertThat(communication.getPriority()).isEqualTo(Communication.CommunicationPriority.URGENT);
				assertThat(communication.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("alert");
				assertThat(communication.getIdentifierFirstRep().getValue()).isEqualTo(String.valueOf(alert.itemId()));
				String text = communication.getPayloadFirstRep().getContentStringType().getValue();
				assertThat(text).contains("crisis").contains("Heart failure").doesNotContain(MESSAGE_WORDS);
				assertThat(EHR.findAll(postRequestedFor(urlPathEqualTo("/mt/fhir/Communication"))
					.withRequestBody(containing("Patient/" + patient))))
					.extracting((request) -> request.getHeader("If-None-Exist"))
					.as("each attempt a conditional create on the escalation's identifier")
					.containsOnly("identifier=urn%3Akinship%3Aescalation%7C" + alert.itemId());
			});
	}

	@Test
	void anEhrThatKeepsFailingLeavesTheAlertFailedWithASecondTryThatCanSucceed(
			org.springframework.modulith.test.Scenario scenario) {
		String patient = patient();
		stubCareTeam("mt", patient);
		EHR.stubFor(communicationFor("mt", patient).willReturn(aResponse().withStatus(502)));
		KinshipPrincipal manager = manager("mt");
		long groupId = group(manager);

		AtomicLong itemId = new AtomicLong();
		scenario.stimulate(() -> itemId.set(escalate("mt", groupId, "Patient/" + patient)))
			.andWaitAtMost(Duration.ofMinutes(2))
			.andWaitForStateChange(() -> settled(manager, "mt", itemId.get()), (alert) -> alert != null)
			.andVerify((alert) -> {
				assertThat(alert.status()).isEqualTo(Status.FAILED);
				assertThat(alert.reason()).isEqualTo("HTTP 502");
				assertThat(alert.attempts()).isEqualTo(3);
				assertThat(alert.retryable()).as("a second try is offered").isTrue();
				assertThat(publications(alert.itemId(), false)).as("the EHR's refusal is recorded, not lost").isZero();
			});

		// the EHR is back: the facilitator's second try gets through
		EHR.stubFor(communicationFor("mt", patient).willReturn(created("mt", "Communication", "c2-" + patient)));
		scenario.stimulate(() -> this.alerts.retry(manager, itemId.get()))
			.andWaitAtMost(Duration.ofMinutes(2))
			.andWaitForStateChange(() -> settled(manager, "mt", itemId.get()), (alert) -> alert != null)
			.andVerify((alert) -> {
				assertThat(alert.status()).isEqualTo(Status.WRITTEN);
				assertThat(alert.attempts()).isEqualTo(1);
				assertThat(alert.resource()).isEqualTo("Communication/c2-" + patient);
				assertThat(publications(itemId.get(), false)).isZero();
			});
	}

	@Test
	void aTaskIsOwnedByThePatientsCareTeamWhereTheHealthSystemAsksForTasks(
			org.springframework.modulith.test.Scenario scenario) {
		String patient = patient();
		stubCareTeam("mtt", patient);
		EHR.stubFor(post(urlPathEqualTo("/mtt/fhir/Task")).withRequestBody(containing("Patient/" + patient))
			.willReturn(created("mtt", "Task", "t-" + patient)));
		KinshipPrincipal manager = manager("mtt");
		long groupId = group(manager);

		AtomicLong itemId = new AtomicLong();
		scenario.stimulate(() -> itemId.set(escalate("mtt", groupId, "Patient/" + patient)))
			.andWaitAtMost(Duration.ofMinutes(2))
			.andWaitForStateChange(() -> settled(manager, "mtt", itemId.get()), (alert) -> alert != null)
			.andVerify((alert) -> {
				assertThat(alert.status()).isEqualTo(Status.WRITTEN);
				assertThat(alert.mode()).isEqualTo(AlertMode.TASK);
				Task task = written("mtt", patient, Task.class).get(0);
				assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
				assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
				assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
				assertThat(task.getOwner().getReference()).isEqualTo("CareTeam/team-" + patient);
				assertThat(task.getDescription()).doesNotContain(MESSAGE_WORDS);
			});
	}

	@Test
	void aCaregiversEscalationIsNotWrittenIntoTheRecordOfThePersonTheyCareFor() {
		KinshipPrincipal manager = manager("mt");
		long groupId = group(manager);
		String caregiver = "RelatedPerson/" + patient();

		long itemId = escalate("mt", groupId, caregiver);

		CareTeamAlert alert = this.alerts.of(manager, List.of(this.queue.find(fhirBase("mt"), itemId).orElseThrow()))
			.get(itemId);
		assertThat(alert.status()).isEqualTo(Status.NOT_A_PATIENT);
		assertThat(alert.retryable()).isFalse();
		assertThat(publications(itemId, false) + publications(itemId, true)).as("nothing made due").isZero();
	}

	@Test
	void facilitatorsOfOtherGroupsDoNotSeeTheAlert() {
		KinshipPrincipal manager = manager("mt");
		long groupId = group(manager);
		long itemId = escalate("mt", groupId, "RelatedPerson/" + patient());
		KinshipPrincipal stranger = new KinshipPrincipal("mt", fhirBase("mt"), "Practitioner/someone", "Someone",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.FACILITATOR), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());

		assertThat(this.alerts.of(stranger, List.of(this.queue.find(fhirBase("mt"), itemId).orElseThrow()))).isEmpty();
	}

	@Test
	void communityManagersSeeTheTimeToFirstResponseAgainstTheGroupsTarget() {
		KinshipPrincipal manager = manager("mtt");
		// a group no other test escalates in
		long groupId = this.directory.listed(manager, "Epilepsy").get(0).id();
		long answered = escalate("mtt", groupId, "RelatedPerson/" + patient());
		escalate("mtt", groupId, "RelatedPerson/" + patient());
		this.queue.acknowledge(this.queue.find(fhirBase("mtt"), answered).orElseThrow(), "Practitioner/tom");

		ResponseTimes times = this.firstResponses.ofCommunity(manager);

		assertThat(times.days()).isEqualTo(30);
		ResponseTimes.GroupFigures epilepsy = times.groups()
			.stream()
			.filter((row) -> row.groupId() == groupId)
			.findFirst()
			.orElseThrow();
		assertThat(epilepsy.name()).isEqualTo("Epilepsy circle");
		assertThat(epilepsy.target()).isEqualTo(Duration.ofMinutes(15));
		assertThat(epilepsy.figures().escalations()).isEqualTo(2);
		assertThat(epilepsy.figures().answered()).isEqualTo(1);
		assertThat(epilepsy.figures().waiting()).as("not answered, still within target").isEqualTo(1);
		assertThat(epilepsy.figures().median()).isLessThan(Duration.ofMinutes(15));
		assertThat(epilepsy.figures().percentWithinTarget()).isEqualTo(100);
		assertThat(times.overall().escalations()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyCommunityManagersSeeTheResponseTimes() {
		KinshipPrincipal facilitator = new KinshipPrincipal("mtt", fhirBase("mtt"), "Practitioner/f-1", "F One",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.FACILITATOR), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());

		assertThatExceptionOfType(Refused.class).isThrownBy(() -> this.firstResponses.ofCommunity(facilitator));
	}

	private static final String MESSAGE_WORDS = "end my life";

	/**
	 * The alert once it has settled (written or failed, and its publication no longer
	 * incomplete: the registry completes it a moment after the outcome is stored).
	 */
	private CareTeamAlert settled(KinshipPrincipal manager, String key, long itemId) {
		Item item = this.queue.find(fhirBase(key), itemId).orElseThrow();
		CareTeamAlert alert = this.alerts.of(manager, List.of(item)).get(itemId);
		boolean done = alert != null && (alert.status() == Status.WRITTEN || alert.status() == Status.FAILED);
		return (done && publications(itemId, false) == 0) ? alert : null;
	}

	private long escalate(String key, long groupId, String author) {
		long messageId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
		return this.queue.enqueue(fhirBase(key), groupId, messageId, author, Kind.ESCALATED, "crisis: " + MESSAGE_WORDS,
				Duration.ofMinutes(15));
	}

	private long group(KinshipPrincipal manager) {
		return this.directory.page(manager, "heart-failure-support").orElseThrow().group().id();
	}

	private int publications(long itemId, boolean completed) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%.CareTeamAlertDue' "
					+ "AND SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS " + (completed ? "NOT NULL" : "NULL"))
			.param("%\"itemId\":" + itemId + ",%")
			.query(Integer.class)
			.single();
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> List<T> written(String key, String patient,
			Class<T> type) {
		List<LoggedRequest> requests = EHR
			.findAll(postRequestedFor(urlPathEqualTo("/" + key + "/fhir/" + type.getSimpleName()))
				.withRequestBody(containing("Patient/" + patient)));
		return requests.stream()
			.map((request) -> this.fhir.newJsonParser().parseResource(type, request.getBodyAsString()))
			.toList();
	}

	private static KinshipPrincipal manager(String key) {
		return new KinshipPrincipal(key, fhirBase(key), "Practitioner/cm-1", "Dr One", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
				Map.of());
	}

	private static String patient() {
		return "p-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder communicationFor(String key, String patient) {
		return post(urlPathEqualTo("/" + key + "/fhir/Communication"))
			.withRequestBody(containing("Patient/" + patient));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String key, String type,
			String id) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", EHR.baseUrl() + "/" + key + "/fhir/" + type + "/" + id + "/_history/1")
			.withBody("{\"resourceType\": \"" + type + "\", \"id\": \"" + id + "\"}");
	}

	/** An active care team of two practitioners and the clinic, and an old team. */
	private static void stubCareTeam(String key, String patient) {
		EHR.stubFor(WireMock.get(urlPathEqualTo("/" + key + "/fhir/CareTeam"))
			.withQueryParam("patient", equalTo("Patient/" + patient))
			.withQueryParam("status", equalTo("active"))
			.willReturn(okJson("""
					{"resourceType": "Bundle", "type": "searchset", "entry": [
					  {"resource": {"resourceType": "CareTeam", "id": "team-%1$s", "status": "active",
					    "subject": {"reference": "Patient/%1$s"},
					    "participant": [
					      {"member": {"reference": "Practitioner/dr-a", "display": "Dr A"}},
					      {"member": {"reference": "PractitionerRole/nurse-b"}},
					      {"member": {"reference": "Organization/clinic"}},
					      {"member": {"reference": "Practitioner/dr-a"}}]}},
					  {"resource": {"resourceType": "CareTeam", "id": "old-%1$s", "status": "inactive",
					    "subject": {"reference": "Patient/%1$s"},
					    "participant": [{"member": {"reference": "Practitioner/dr-gone"}}]}}]}
					""".formatted(patient))));
	}

	private static void stubDiscovery(String key) {
		EHR.stubFor(WireMock.get("/" + key + "/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/%2$s/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl(), key))));
		EHR.stubFor(post("/" + key + "/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/CareTeam.rs system/Communication.c system/Task.c"}
				""")));
	}

	private static String fhirBase(String key) {
		return EHR.baseUrl() + "/" + key + "/fhir";
	}

}
