package org.kinship.broadcast;

import java.time.Duration;
import java.util.List;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Write-back of urgent broadcasts against an EHR (WireMock) that refuses some
 * Communications, a fault the sandbox cannot produce: each is tried the configured number
 * of times, the failures are reported with their HTTP status, and a retry writes them
 * once the EHR takes them. The sandbox case is in the end-to-end tests.
 */
@SpringBootTest(properties = { "kinship.broadcast.write-back-issuers=wb",
		// on a busy machine WireMock's first answers (the backend token among them) have
		// taken longer than the default 5 s; the test is about refusals, not timeouts
		"kinship.launch.connect-timeout=PT30S", "kinship.launch.read-timeout=PT60S" })
class BroadcastWriteBackIntegrationTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static {
		EHR.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.wb.";
		registry.add(prefix + "display-name", () -> "Write-back Health");
		registry.add(prefix + "fhir-base-url", BroadcastWriteBackIntegrationTests::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-wb");
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/Communication.c");
		registry.add("kinship.groups.demo-issuers", () -> "wb");
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

	@Test
	void reportsCommunicationsTheEhrRefusesAndWritesThemOnRetry() {
		stubEhr();
		String taken = "ok-" + UUID.randomUUID().toString().substring(0, 8);
		String refused = "no-" + UUID.randomUUID().toString().substring(0, 8);
		EHR.stubFor(post(urlPathEqualTo("/wb/fhir/Communication")).withRequestBody(containing("Patient/" + refused))
			.atPriority(1)
			.willReturn(aResponse().withStatus(500)));
		member(taken);
		member(refused);
		KinshipPrincipal manager = new KinshipPrincipal("wb", fhirBase(), "Practitioner/cm-1", "Dr One",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), java.util.Map.of());
		long groupId = this.directory.page(manager, "heart-failure-support").orElseThrow().group().id();
		long id = this.broadcasting.save(manager, null,
				new BroadcastForm(UUID.randomUUID().toString(), "Recall notice", "Please call the clinic.",
						Priority.URGENT, AudienceSpec.Kind.GROUPS, List.of(groupId), "", "", "", "", ""));
		this.broadcasting.send(manager, id);

		WriteBackReport report = settled(manager, id);
		assertThat(report.done()).isEqualTo(1);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.patient()).isEqualTo("Patient/" + refused);
			assertThat(failure.reason()).isEqualTo("HTTP 500");
			assertThat(failure.attempts()).isEqualTo(3);
		});
		EHR.verify(3, postRequestedFor(urlPathEqualTo("/wb/fhir/Communication"))
			.withRequestBody(containing("Patient/" + refused)));
		assertThat(EHR.findAll(postRequestedFor(urlPathEqualTo("/wb/fhir/Communication"))
			.withRequestBody(containing("Patient/" + refused))))
			.extracting((request) -> request.getHeader("If-None-Exist"))
			.as("each attempt a conditional create on the broadcast's and patient's identifier")
			.containsOnly("identifier=urn%3Akinship%3Abroadcast%7C" + id + "%2F" + refused);
		String written = EHR
			.findAll(postRequestedFor(urlPathEqualTo("/wb/fhir/Communication"))
				.withRequestBody(containing("Patient/" + taken)))
			.get(0)
			.getBodyAsString();
		assertThat(written).contains("\"priority\":\"urgent\"").contains("Recall notice");

		EHR.resetMappings();
		stubEhr();
		this.broadcasting.retryWriteBack(manager, id);
		WriteBackReport retried = settled(manager, id);
		assertThat(retried.done()).isEqualTo(2);
		assertThat(retried.failed()).isZero();
	}

	private WriteBackReport settled(KinshipPrincipal manager, long id) {
		WriteBackReport report = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.broadcasting.tracking(manager, id).writeBack(),
					(now) -> now != null && now.pending() == 0 && now.done() + now.failed() >= 2);
		assertThat(report).isNotNull();
		assertThat(report.enabled()).isTrue();
		return report;
	}

	private void member(String patientId) {
		KinshipPrincipal patient = new KinshipPrincipal("wb", fhirBase(), "Patient/" + patientId, "P " + patientId,
				KinshipRole.PATIENT, Set.of(), patientId, null, false, null, null, null, List.of(), Set.of(),
				java.util.Map.of());
		this.events
			.publishEvent(new MemberLaunched("wb", fhirBase(), patient.fhirUser(), KinshipRole.PATIENT, patientId));
		this.memberships.join(patient, "heart-failure-support", new JoinForm("M" + patientId, false, false, true));
	}

	private static void stubEhr() {
		EHR.stubFor(WireMock.get("/wb/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/wb/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl()))));
		EHR.stubFor(post("/wb/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/Communication.c"}
				""")));
		EHR.stubFor(post(urlPathEqualTo("/wb/fhir/Communication")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", EHR.baseUrl() + "/wb/fhir/Communication/c-1/_history/1")
			.withBody("{\"resourceType\": \"Communication\", \"id\": \"c-1\", \"status\": \"completed\"}")));
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/wb/fhir";
	}

}
