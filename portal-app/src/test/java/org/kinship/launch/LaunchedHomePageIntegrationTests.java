package org.kinship.launch;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.servlet.http.Cookie;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Launches that end on Kinship's home page, and what that page shows of them: who is
 * signed in, the patient in context, the portal's style, what a narrowed grant leaves
 * out, and that a token refreshed or dead behind the page is handled. The rows of
 * {@link SmartChecklistIntegrationTests} and the case of
 * {@link FaultyEhrLaunchIntegrationTests} that need the whole application (its home page
 * reads the patient and their conditions) live here; the launch jar tests the rest on its
 * own.
 */
@SpringBootTest(properties = "kinship.launch.discovery-ttl=PT0S")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LaunchedHomePageIntegrationTests {

	static final FakeEhr EHR = FakeEhr.start();

	/** A server of nobody Kinship is registered with. */
	static final FakeEhr ELSEWHERE = FakeEhr.start();

	static final String PATIENT_CONTEXT = "\"patient\": \"123\"";

	@Autowired
	MockMvc mvc;

	LaunchingBrowser browser;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		EHR.register(registry, "general", "client_secret_basic");
		registry.add("kinship.launch.issuers.general.client-secret", () -> "s3cret");
		EHR.register(registry, "moved", "none");
		EHR.register(registry, "plain", "none");
		EHR.register(registry, "split", "none");
		registry.add("kinship.launch.issuers.split.standalone-fhir-base-url", () -> EHR.fhirBase("splitpatients"));
	}

	@Autowired
	HeldClock clock;

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		HeldClock heldClock() {
			return new HeldClock();
		}

	}

	@BeforeEach
	void stubEhr() {
		this.clock.release();
		EHR.reset("general");
		ELSEWHERE.reset();
		this.browser = new LaunchingBrowser(this.mvc);
	}

	@AfterAll
	static void stop() {
		EHR.stop();
		ELSEWHERE.stop();
	}

	/**
	 * A narrowed grant with intent, fhirContext and tenant, as in the faulty EHR tests.
	 */
	@Test
	void acceptsANarrowedGrantAndKeepsIntentFhirContextAndTenant() throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-1");
		EHR.token("general")
			.idToken(EHR.idToken(launch))
			.scope("openid fhirUser launch patient/Condition.rs")
			.context("\"patient\": \"123\", \"intent\": \"reconcile-medications\", \"tenant\": \"north\","
					+ " \"fhirContext\": [{\"reference\": \"Encounter/9\"}], \"need_patient_banner\": false")
			.stub();
		assertThat(this.browser.callback(launch)).isEqualTo("/");

		String home = this.browser.open("/", launch.session()).getContentAsString();
		assertThat(home).contains("Welcome, Pat Example").contains("did not let Kinship read this record");
		KinshipPrincipal principal = LaunchingBrowser.principal(launch.session());
		assertThat(principal.intent()).isEqualTo("reconcile-medications");
		assertThat(principal.tenant()).isEqualTo("north");
		assertThat(principal.fhirContext()).containsExactly("Encounter/9");
		assertThat(principal.mayRead("Condition")).isTrue();
		assertThat(principal.mayRead("Patient")).isFalse();
	}

	/** Row 3: discovery names the endpoints Kinship uses; it never guesses them. */
	@Test
	void row03MovedEndpointsAreFoundThroughDiscovery() throws Exception {
		String elsewhere = EHR.baseUrl() + "/elsewhere";
		EHR.stubDiscovery("moved", elsewhere + "/authorize", elsewhere + "/token", elsewhere + "/keys");
		EHR.server().stubFor(WireMock.get("/elsewhere/keys").willReturn(okJson(EHR.publicKeys())));
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("moved"), "L-3");
		EHR.tokenAt("/elsewhere/token").idToken(EHR.idToken(launch)).context(PATIENT_CONTEXT).stub();

		assertThat(launch.authorizeUrl()).startsWith(elsewhere + "/authorize?");
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		assertThat(this.browser.open("/", launch.session()).getContentAsString()).contains("Welcome, Pat Example");
		EHR.server()
			.verify(getRequestedFor(urlEqualTo("/moved/fhir/.well-known/smart-configuration")).withHeader("Accept",
					containing("application/json")));
		// the home page reads the patient and, for group suggestions, their conditions
		assertThat(EHR.server().findAll(anyRequestedFor(anyUrl())))
			.extracting((request) -> request.getUrl().replaceFirst("\\?.*$", ""))
			.containsOnly("/moved/fhir/.well-known/smart-configuration", "/elsewhere/keys", "/elsewhere/token",
					"/moved/fhir/Patient/123", "/moved/fhir/Condition");
	}

	/**
	 * An issuer whose patient-facing FHIR base is not its EHR launch's: a standalone
	 * session reads the record there, with the token issued for it.
	 */
	@Test
	void aStandaloneSessionReadsFromTheStandaloneFhirBase() throws Exception {
		EHR.reset("split");
		EHR.stubDiscovery("splitpatients", EHR.baseUrl() + "/auth", EHR.baseUrl() + "/splitpatients/token",
				EHR.baseUrl() + "/jwks");
		Launch launch = this.browser.standaloneLaunch("split");
		assertThat(launch.parameters()).containsEntry("aud", EHR.fhirBase("splitpatients"));
		EHR.tokenAt("/splitpatients/token")
			.idToken(EHR.idToken(launch))
			.accessToken("at-split")
			.context(PATIENT_CONTEXT)
			.stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		assertThat(this.browser.open("/", launch.session()).getContentAsString()).contains("Welcome, Pat Example");
		assertThat(EHR.fhirReads("splitpatients")).isNotEmpty()
			.allSatisfy((read) -> assertThat(read.getHeader("Authorization")).isEqualTo("Bearer at-split"));
		assertThat(EHR.fhirReads("split")).isEmpty();
		assertThat(LaunchingBrowser.principal(launch.session()).issuer()).isEqualTo(EHR.fhirBase("split"));
	}

	/** Row 9: few v2 scopes, no wildcards; a narrower grant is explained, not fatal. */
	@Test
	void row09AsksForFewV2ScopesAndCopesWithANarrowerGrant() throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-9");
		// patient-level read and search, and one write the member chooses
		assertThat(launch.scopes()).filteredOn((scope) -> scope.contains("/") && !scope.startsWith("launch"))
			.isNotEmpty()
			.allMatch((scope) -> scope.matches("patient/[A-Z][A-Za-z]+\\.(rs|r|s)")
					// the one write: a check-in saved to the record by the member's
					// choice
					|| scope.equals("patient/QuestionnaireResponse.c"));
		EHR.token("general")
			.idToken(EHR.idToken(launch))
			.scope("openid fhirUser launch patient/Condition.rs")
			.context(PATIENT_CONTEXT)
			.stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		MockHttpServletResponse home = this.browser.open("/", launch.session());
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(home.getContentAsString()).contains("Welcome, Pat Example")
			.contains("did not let Kinship read this record")
			.contains("You can still join groups");
		assertThat(EHR.fhirReads("general")).as("reads of the granted Condition only, none the grant left out")
			.extracting((read) -> read.getUrl().replaceFirst("\\?.*$", ""))
			.containsOnly("/general/fhir/Condition");
	}

	/** Row 10: launch context from the token response: banner, style, intent, tenant. */
	@Test
	void row10TokenContextDrivesTheBannerTheStyleAndTheDefaultView() throws Exception {
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/general/fhir/Patient/123")).willReturn(FakeEhr.patient("123")));
		EHR.server()
			.stubFor(WireMock.get("/portal/style.json").willReturn(okJson("{\"color_highlight\": \"#0b5394\"}")));
		Launch clinician = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-10");
		EHR.token("general")
			.idToken(EHR.idToken(clinician).forUser("Practitioner/p-10", "Sarah Lin"))
			.context(PATIENT_CONTEXT + ", \"encounter\": \"e-10\", \"need_patient_banner\": true,"
					+ " \"intent\": \"a-view-kinship-does-not-have\", \"tenant\": \"north\", \"smart_style_url\": \""
					+ EHR.baseUrl() + "/portal/style.json\"")
			.context("\"fhirContext\": [{\"reference\": \"DiagnosticReport/dr-1\"},"
					+ " {\"canonical\": \"http://example.org/Questionnaire/intake|1.0\"},"
					+ " {\"type\": \"DocumentReference\", \"identifier\": {\"system\": \"urn:x\", \"value\": \"d-1\"}}]")
			.stub();

		assertThat(this.browser.callback(clinician)).isEqualTo("/");
		// the chart's patient is for referring only: no banner or name outside the
		// referral page, though the launch keeps them for it
		assertThat(this.browser.open("/", clinician.session()).getContentAsString()).contains("Welcome, Sarah Lin")
			.contains("Refer the patient from this chart")
			.doesNotContain("patient-banner-name")
			.doesNotContain("Walter Brooks")
			.contains("href=\"/launch/portal-style.css?v=")
			.doesNotContain("<style");
		assertThat(this.browser.open("/launch/portal-style.css", clinician.session()).getContentAsString())
			.contains("--kin-color-primary: #0b5394;");
		KinshipPrincipal principal = LaunchingBrowser.principal(clinician.session());
		assertThat(principal.patientName()).isEqualTo("Walter Brooks");
		assertThat(principal.encounterId()).isEqualTo("e-10");
		assertThat(principal.tenant()).isEqualTo("north");
		assertThat(principal.fhirContext()).containsExactly("DiagnosticReport/dr-1",
				"http://example.org/Questionnaire/intake|1.0");

		Launch patient = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-10b");
		stubToken(patient);
		assertThat(this.browser.callback(patient)).isEqualTo("/");
		assertThat(this.browser.open("/", patient.session()).getContentAsString()).contains("Welcome, Pat Example")
			.doesNotContain("patient-banner-name");
	}

	/** Row 12: refresh with the newest refresh token; short tokens go unnoticed. */
	@Test
	void row12ShortTokensAreRenewedWithTheNewestRefreshTokenUnnoticed() throws Exception {
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/general/fhir/Patient/123")).willReturn(FakeEhr.patient("123")));
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-12");
		assertThat(launch.scopes()).containsAnyOf("offline_access", "online_access");
		stubCodeExchange(launch, "at-1", "rt-1", 60);
		EHR.token("general")
			.onlyFor("refresh_token", "rt-1")
			.accessToken("at-2")
			.refreshToken("rt-2")
			.expiresIn(1)
			.stub();
		EHR.token("general").onlyFor("refresh_token", "rt-2").accessToken("at-3").refreshToken("rt-3").stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		// Kinship's time stands still from here, however slow the machine, and moves
		// when the test says
		this.clock.hold();
		assertConnected(launch);
		// Kinship renews a token when five seconds are left: the minute-long one once
		// 56 seconds have passed, the one-second one that replaces it at once
		this.clock.advance(Duration.ofSeconds(56));
		assertConnected(launch);
		assertConnected(launch);
		// each home page reads the patient and their conditions, always with the newest
		// token
		assertThat(EHR.fhirReads("general").stream().map((read) -> read.getHeader("Authorization")).distinct())
			.containsExactly("Bearer at-1", "Bearer at-2", "Bearer at-3");
		List<Map<String, String>> refreshes = refreshes();
		assertThat(refreshes).extracting((form) -> form.get("refresh_token")).containsExactly("rt-1", "rt-2");
		// without a scope a refresh asks for the grant as it stands; with one, only for
		// part of it
		Set<String> granted = Set.of(TokenResponseStub.DEFAULT_SCOPE.split(" "));
		assertThat(refreshes).filteredOn((form) -> form.containsKey("scope"))
			.allSatisfy((form) -> assertThat(granted).contains(form.get("scope").split(" ")));
	}

	/** Row 13: on 401 refresh once and retry; a dead refresh token means relaunch. */
	@Test
	void row13A401IsRefreshedOnceAndADeadRefreshTokenEndsOnTheRelaunchPage() throws Exception {
		// the EHR refuses tokens that have not expired yet, as after a restart or a
		// revocation
		refuseFhirReadsWith("at-1");
		refuseFhirReadsWith("at-dead");
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/general/fhir/Patient/123"))
				.withHeader("Authorization", equalTo("Bearer at-2"))
				.willReturn(FakeEhr.patient("123")));
		EHR.token("general").onlyFor("refresh_token", "rt-1").accessToken("at-2").refreshToken("rt-2").stub();

		Launch recovering = launchWithTokens("at-1", "rt-1");
		assertConnected(recovering);
		Launch stranded = launchWithTokens("at-dead", "rt-dead");
		MockHttpServletResponse page = this.browser.open("/", stranded.session());
		assertThat(page.getStatus()).isEqualTo(401);
		assertThat(page.getContentAsString()).contains("Please open Kinship again from your portal")
			.doesNotContain("Exception");
		assertThat(refreshes()).extracting((form) -> form.get("refresh_token")).containsExactly("rt-1", "rt-dead");
	}

	/** Row 16: tokens only over TLS to the issuer, never in pages, cookies or logs. */
	@Test
	void row16TokensStayOutOfPagesCookiesAndLogsAndGoOnlyToTheIssuer(CapturedOutput logs) throws Exception {
		String accessToken = "at-" + UUID.randomUUID();
		String refreshToken = "rt-" + UUID.randomUUID();
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/general/fhir/Patient/123")).willReturn(FakeEhr.patient("123")));
		EHR.server()
			.stubFor(WireMock.get("/portal/style.json")
				.willReturn(okJson("{\"color_highlight\": \"#000;}</style><script>alert(1)</script>\"}")));
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-16");
		EHR.token("general")
			.idToken(EHR.idToken(launch).forUser(ELSEWHERE.fhirBase("general") + "/Patient/123", null))
			.accessToken(accessToken)
			.refreshToken(refreshToken)
			.context(PATIENT_CONTEXT + ", \"smart_style_url\": \"" + EHR.baseUrl() + "/portal/style.json\"")
			.stub();

		MockHttpServletResponse callback = this.browser.complete(launch);
		assertThat(callback.getRedirectedUrl()).as("no open redirect").isEqualTo("/");
		MockHttpServletResponse home = this.browser.open("/", launch.session());
		assertThat(home.getContentAsString()).contains("Welcome, Walter Brooks").doesNotContain("<script>alert(1)");
		for (MockHttpServletResponse response : List.of(callback, home)) {
			assertThat(response.getContentAsString()).doesNotContain(accessToken, refreshToken, "eyJ");
			assertThat(response.getCookies()).extracting(Cookie::getValue)
				.noneMatch((value) -> value.contains(accessToken) || value.contains("eyJ"));
		}
		assertThat(logs.getAll()).doesNotContain(accessToken, refreshToken, "eyJ");
		assertThat(ELSEWHERE.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
		EHR.server().verify(getRequestedFor(urlEqualTo("/portal/style.json")).withoutHeader("Authorization"));
		assertThat(EHR.server().findAll(anyRequestedFor(anyUrl())))
			.filteredOn((request) -> request.getHeader("Authorization") != null)
			.extracting(LoggedRequest::getUrl)
			.isNotEmpty()
			.allMatch((url) -> url.startsWith("/general/fhir/") || url.equals("/general/token"));
		assertUserInputIsNotExecuted();
		assertPlainHttpEhrIsRefused();
	}

	private void assertUserInputIsNotExecuted() throws Exception {
		String page = this.mvc
			.perform(get("/launch/problem").param("code", "<script>alert(1)</script>")
				.param("ref", "<img src=x onerror=alert(1)>"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
	}

	private void assertPlainHttpEhrIsRefused() throws Exception {
		String plain = "http://ehr.plain.example";
		EHR.stubDiscovery("plain", plain + "/authorize", plain + "/token", plain + "/jwks");
		MockHttpServletResponse launch = this.mvc
			.perform(get("/launch").param("iss", EHR.fhirBase("plain")).param("launch", "L-16"))
			.andReturn()
			.getResponse();
		assertThat(launch.getStatus()).isEqualTo(502);
		assertThat(launch.getRedirectedUrl()).isNull();
	}

	private Launch launchWithTokens(String accessToken, String refreshToken) throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-13");
		stubCodeExchange(launch, accessToken, refreshToken, 3600);
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		return launch;
	}

	private void assertConnected(Launch launch) throws Exception {
		MockHttpServletResponse home = this.browser.open("/", launch.session());
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(home.getContentAsString()).contains("Connected to your health record (Walter Brooks)");
	}

	private static void stubToken(Launch launch) {
		EHR.token(launch.key()).idToken(EHR.idToken(launch)).context(PATIENT_CONTEXT).stub();
	}

	private static void stubCodeExchange(Launch launch, String accessToken, String refreshToken, int expiresIn) {
		EHR.token(launch.key())
			.onlyFor("grant_type", "authorization_code")
			.idToken(EHR.idToken(launch))
			.context(PATIENT_CONTEXT)
			.accessToken(accessToken)
			.refreshToken(refreshToken)
			.expiresIn(expiresIn)
			.stub();
	}

	private static void refuseFhirReadsWith(String accessToken) {
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/general/fhir/Patient/123"))
				.withHeader("Authorization", equalTo("Bearer " + accessToken))
				.willReturn(aResponse().withStatus(401)));
	}

	private static List<Map<String, String>> refreshes() {
		return EHR.tokenForms("general")
			.stream()
			.filter((form) -> "refresh_token".equals(form.get("grant_type")))
			.toList();
	}

}
