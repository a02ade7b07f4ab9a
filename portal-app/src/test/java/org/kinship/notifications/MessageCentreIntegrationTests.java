package org.kinship.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;
import org.kinship.notifications.internal.Dispatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/**
 * The portal's message centre against an EHR (WireMock) configured for it: a patient's
 * notices are written as a FHIR {@code Communication} to the patient, with the backend
 * token, counts only and in the member's language, even without an e-mail address; an EHR
 * that answers 503 gets the same notice again after the back-off, and nothing is lost.
 * Time is held by the test, so the retry is a moved clock, not a wait.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT3M",
		"kinship.notifications.digest-hour=23", "kinship.notifications.retry-backoff=PT1M",
		"kinship.notifications.message-centre-issuers=mc", "kinship.moderation.new-member-posts=0",
		"kinship.launch.connect-timeout=PT30S", "kinship.launch.read-timeout=PT60S" })
@Import(SettableClock.AsTheClock.class)
class MessageCentreIntegrationTests {

	static final Instant MORNING = Instant.parse("2026-06-04T09:00:00Z");

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static {
		EHR.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.mc.";
		registry.add(prefix + "display-name", () -> "Message Centre Health");
		registry.add(prefix + "fhir-base-url", MessageCentreIntegrationTests::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-mc");
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/Communication.c");
		registry.add("kinship.groups.demo-issuers", () -> "mc");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	SettableClock clock;

	@Autowired
	Dispatch dispatch;

	@Autowired
	Chat chat;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	NotificationSettings settings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anEhr() {
		this.clock.set(MORNING);
		EHR.resetAll();
		stubEhr();
	}

	@Test
	void writesACommunicationToThePatientWithCountsOnlyInTheirLanguage() {
		KinshipPrincipal ana = member("ana");
		KinshipPrincipal ben = member("ben");
		this.settings.saveContact(ana, new ContactForm("", "es", "UTC", "", ""));
		long asked = say(ana, "My ankles swell since the furosemide changed", null);
		say(ben, "Call the heart failure nurse today", asked);
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		List<String> written = communicationsAbout(ana);
		assertThat(written).singleElement()
			.satisfies((body) -> assertThat(body).contains("\"resourceType\":\"Communication\"")
				.contains("\"subject\":{\"reference\":\"Patient/" + ana.patientId() + "\"}")
				.contains("urn:kinship:notification")
				.contains("Tiene una respuesta nueva en Kinship")
				.contains("/launch/standalone?issuer=mc")
				.doesNotContain("ankles", "furosemide", "nurse", "Heart failure", "heart failure", "ben"));
		assertThat(communicationsAbout(ben)).as("Ben acted; nothing to tell him").isEmpty();
	}

	@Test
	void aNoticeTheEhrRefusesWithA503IsWrittenAfterTheBackOffAndNotLost() {
		KinshipPrincipal cy = member("cy");
		KinshipPrincipal dee = member("dee");
		StubMapping fault = EHR.stubFor(
				post(urlPathEqualTo("/mc/fhir/Communication")).withRequestBody(containing("Patient/" + cy.patientId()))
					.atPriority(1)
					.willReturn(aResponse().withStatus(503)));
		long asked = say(cy, "Anyone awake?", null);
		say(dee, "I am", asked);
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(communicationsAbout(cy)).hasSize(1);
		assertThat(status(cy)).isEqualTo("PENDING");

		EHR.removeStub(fault);
		this.dispatch.run();
		assertThat(communicationsAbout(cy)).as("not again before the back-off").hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.dispatch.run();
		assertThat(communicationsAbout(cy)).hasSize(2);
		assertThat(status(cy)).isEqualTo("SENT");
		this.clock.advance(Duration.ofMinutes(10));
		this.dispatch.run();
		assertThat(communicationsAbout(cy)).as("once written, never again").hasSize(2);
		long notice = this.jdbc.sql("SELECT id FROM notify_portal WHERE patient_id = ?")
			.param(cy.patientId())
			.query(Long.class)
			.single();
		assertThat(EHR.findAll(postRequestedFor(urlPathEqualTo("/mc/fhir/Communication"))
			.withRequestBody(containing("\"Patient/" + cy.patientId() + "\""))))
			.extracting((request) -> request.getHeader("If-None-Exist"))
			.as("each attempt a conditional create on the notice's identifier, found if an answer was lost")
			.containsOnly("identifier=urn%3Akinship%3Anotification%7C" + notice);
	}

	private List<String> communicationsAbout(KinshipPrincipal member) {
		return EHR
			.findAll(postRequestedFor(urlPathEqualTo("/mc/fhir/Communication"))
				.withRequestBody(containing("\"Patient/" + member.patientId() + "\"")))
			.stream()
			.map((request) -> request.getBodyAsString())
			.toList();
	}

	private String status(KinshipPrincipal member) {
		return this.jdbc.sql("SELECT status FROM notify_portal WHERE patient_id = ?")
			.param(member.patientId())
			.query(String.class)
			.single();
	}

	private KinshipPrincipal member(String name) {
		String patientId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		KinshipPrincipal patient = new KinshipPrincipal("mc", fhirBase(), "Patient/" + patientId, "P " + patientId,
				KinshipRole.PATIENT, Set.of(), patientId, null, false, null, null, null, List.of(), Set.of(),
				java.util.Map.of());
		this.events
			.publishEvent(new MemberLaunched("mc", fhirBase(), patient.fhirUser(), KinshipRole.PATIENT, patientId));
		this.memberships.join(patient, "heart-failure-support",
				new JoinForm(name + patientId.substring(patientId.length() - 4), false, false, true));
		return patient;
	}

	private long say(KinshipPrincipal member, String text, Long replyTo) {
		long groupId = this.directory.page(member, "heart-failure-support").orElseThrow().group().id();
		return this.chat.send(member, groupId, new SendCommand(UUID.randomUUID().toString(), text, replyTo))
			.message()
			.id();
	}

	private static void stubEhr() {
		EHR.stubFor(WireMock.get("/mc/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/mc/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl()))));
		EHR.stubFor(post("/mc/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/Communication.c"}
				""")));
		EHR.stubFor(post(urlPathEqualTo("/mc/fhir/Communication")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", EHR.baseUrl() + "/mc/fhir/Communication/c-1/_history/1")
			.withBody("{\"resourceType\": \"Communication\", \"id\": \"c-1\", \"status\": \"completed\"}")));
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/mc/fhir";
	}

}
