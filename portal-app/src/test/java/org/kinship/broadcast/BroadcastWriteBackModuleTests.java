package org.kinship.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broadcast module with what it depends on, against the real MariaDB and an EHR
 * (WireMock): sending an urgent broadcast makes its write-back due through the Event
 * Publication Registry, and the write-back's outcome is recorded for every recipient
 * patient, with the registry's publication completed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class BroadcastWriteBackModuleTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static {
		EHR.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.mt.";
		registry.add(prefix + "display-name", () -> "Module Test Health");
		registry.add(prefix + "fhir-base-url", BroadcastWriteBackModuleTests::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-mt");
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/Communication.c");
		registry.add("kinship.groups.demo-issuers", () -> "mt");
		registry.add("kinship.broadcast.write-back-issuers", () -> "mt");
		// generous: the test is about the event flow, not a busy machine's timeouts
		registry.add("kinship.launch.connect-timeout", () -> "PT30S");
		registry.add("kinship.launch.read-timeout", () -> "PT60S");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	Broadcasting broadcasting;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	// the real-time module is not bootstrapped here: pages' sockets are not this flow
	@MockitoBean
	SimpMessagingTemplate messaging;

	@Test
	void aSentUrgentBroadcastHasEveryRecipientWrittenBackThroughTheRegistry(Scenario scenario) {
		stubEhr();
		member("mt-" + UUID.randomUUID().toString().substring(0, 8));
		member("mt-" + UUID.randomUUID().toString().substring(0, 8));
		KinshipPrincipal manager = new KinshipPrincipal("mt", fhirBase(), "Practitioner/cm-1", "Dr One",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
		long groupId = this.directory.page(manager, "heart-failure-support").orElseThrow().group().id();
		long id = this.broadcasting.save(manager, null,
				new BroadcastForm(UUID.randomUUID().toString(), "Recall notice", "Please call the clinic.",
						Priority.URGENT, AudienceSpec.Kind.GROUPS, List.of(groupId), "", "", "", "", ""));

		scenario.stimulate(() -> this.broadcasting.send(manager, id))
			.andWaitAtMost(Duration.ofMinutes(2))
			// the registry completes the publication after the listener returns, a moment
			// after the last outcome is stored: wait for both
			.andWaitForStateChange(() -> this.broadcasting.tracking(manager, id).writeBack(),
					(report) -> report != null && report.pending() == 0 && report.done() + report.failed() >= 2
							&& publications(id, false) == 0)
			.andVerify((report) -> {
				assertThat(report.enabled()).isTrue();
				assertThat(report.done()).isEqualTo(2);
				assertThat(report.failed()).isZero();
				assertThat(publications(id, true)).as("the write-back's publication, completed").isEqualTo(1);
				assertThat(publications(id, false)).as("publications left incomplete").isZero();
			});
	}

	private int publications(long broadcastId, boolean completed) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%.WriteBackDue' "
					+ "AND SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS " + (completed ? "NOT NULL" : "NULL"))
			.param("%\"broadcastId\":" + broadcastId + ",%")
			.query(Integer.class)
			.single();
	}

	private void member(String patientId) {
		KinshipPrincipal patient = new KinshipPrincipal("mt", fhirBase(), "Patient/" + patientId, "P " + patientId,
				KinshipRole.PATIENT, Set.of(), patientId, null, false, null, null, null, List.of(), Set.of(), Map.of());
		this.events
			.publishEvent(new MemberLaunched("mt", fhirBase(), patient.fhirUser(), KinshipRole.PATIENT, patientId));
		this.memberships.join(patient, "heart-failure-support", new JoinForm("M" + patientId, false, false, true));
	}

	private static void stubEhr() {
		EHR.stubFor(WireMock.get("/mt/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/mt/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl()))));
		EHR.stubFor(post("/mt/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/Communication.c"}
				""")));
		EHR.stubFor(post(urlPathEqualTo("/mt/fhir/Communication")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", EHR.baseUrl() + "/mt/fhir/Communication/c-1/_history/1")
			.withBody("{\"resourceType\": \"Communication\", \"id\": \"c-1\", \"status\": \"completed\"}")));
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/mt/fhir";
	}

}
