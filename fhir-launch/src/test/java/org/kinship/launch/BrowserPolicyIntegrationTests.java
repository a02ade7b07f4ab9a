package org.kinship.launch;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The browser policy every response carries: a strict {@code Content-Security-Policy}
 * whose {@code frame-ancestors} are the launched hospital's portal origins (every
 * registered portal's before a launch, {@code 'none'} with {@code X-Frame-Options: DENY}
 * where no portal may frame), the other security headers, and the endpoint where browsers
 * report violations.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BrowserPolicyIntegrationTests {

	static final FakeEhr EHR = FakeEhr.start();

	static final String PATIENT_CONTEXT = "\"patient\": \"123\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	BrowserPolicyViolations violations;

	LaunchingBrowser browser;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		EHR.register(registry, "framed", "none");
		registry.add("kinship.launch.issuers.framed.frame-ancestors",
				() -> "https://portal.framed.example, https://*.mychart.example");
		EHR.register(registry, "other", "none");
		registry.add("kinship.launch.issuers.other.frame-ancestors", () -> "http://127.0.0.1:9090");
		EHR.register(registry, "unframed", "none");
	}

	@BeforeEach
	void stubEhr() {
		EHR.reset("framed", "other", "unframed");
		this.browser = new LaunchingBrowser(this.mvc);
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void everyPageBeforeALaunchMayBeFramedByAnyRegisteredPortalOnly() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/launch/choose")).andReturn().getResponse();
		assertThat(directives(page)).containsEntry("default-src", "'self'")
			.containsEntry("script-src", "'self'")
			.containsEntry("style-src", "'self'")
			.containsEntry("img-src", "'self'")
			.containsEntry("connect-src", "'self' ws://localhost")
			.containsEntry("object-src", "'none'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("form-action", "'self' " + EHR.baseUrl())
			.containsEntry("frame-ancestors",
					"http://127.0.0.1:9090 https://*.mychart.example https://portal.framed.example")
			.containsEntry("report-uri", "/csp-reports");
		assertThat(page.getHeader("X-Frame-Options")).as("framing is allowed to the portals").isNull();
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(page.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
		assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getHeader("Strict-Transport-Security")).as("not over plain http").isNull();
	}

	@Test
	void aSecureRequestGetsHstsAndASecureSocketSource() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/launch/choose").with((request) -> {
			request.setSecure(true);
			request.setScheme("https");
			request.setServerName("kinship.example");
			request.setServerPort(443);
			return request;
		})).andReturn().getResponse();
		assertThat(page.getHeader("Strict-Transport-Security")).contains("max-age=");
		assertThat(directives(page)).containsEntry("connect-src", "'self' wss://kinship.example");
	}

	@Test
	void aLaunchedSessionMayBeFramedByItsOwnHospitalsPortalOnly() throws Exception {
		Launch launch = launched("framed");
		MockHttpServletResponse page = this.browser.open("/launch/choose", launch.session());
		assertThat(directives(page)).containsEntry("frame-ancestors",
				"https://portal.framed.example https://*.mychart.example");
		assertThat(page.getHeader("X-Frame-Options")).isNull();
	}

	@Test
	void aSessionOfAHospitalWithoutPortalOriginsMayNotBeFramedAtAll() throws Exception {
		Launch launch = launched("unframed");
		MockHttpServletResponse page = this.browser.open("/launch/choose", launch.session());
		assertThat(directives(page)).containsEntry("frame-ancestors", "'none'");
		assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void theFormTargetsIncludeTheDiscoveredAuthorizationEndpoint() throws Exception {
		EHR.stubDiscovery("other", "https://sign-in.other.example/oauth2/authorize", EHR.baseUrl() + "/other/token",
				EHR.baseUrl() + "/jwks");
		this.browser.ehrLaunch(EHR.fhirBase("other"), "L-form");
		MockHttpServletResponse page = this.mvc.perform(get("/launch/choose")).andReturn().getResponse();
		assertThat(directives(page).get("form-action").split(" ")).contains("'self'", EHR.baseUrl(),
				"https://sign-in.other.example");
	}

	@Test
	void browsersReportViolationsWithoutASessionOrCsrfTokenAndOnlyTheDirectiveAndOriginAreKept() throws Exception {
		long before = this.violations.count();
		this.mvc.perform(post("/csp-reports").contentType("application/csp-report").content("""
				{"csp-report": {"document-uri": "http://localhost/groups/7?secret=diabetes",
				 "violated-directive": "style-src-attr", "effective-directive": "style-src-attr",
				 "blocked-uri": "inline", "script-sample": "Maria's message"}}
				""")).andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(204));
		this.mvc.perform(post("/csp-reports").contentType("application/reports+json").content("""
				[{"type": "csp-violation", "url": "http://localhost/",
				  "body": {"effectiveDirective": "img-src", "blockedURL": "https://tracker.example/p.gif?who=maria"}}]
				""")).andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(204));
		assertThat(this.violations.count()).isEqualTo(before + 2);
		assertThat(this.violations.byKind()).containsKeys("style-src-attr inline", "img-src https://tracker.example");
		assertThat(String.join(" ", this.violations.byKind().keySet())).doesNotContain("maria", "diabetes", "secret");
	}

	@Test
	void anOversizedOrUnreadableReportIsRefusedAndNotCounted() throws Exception {
		long before = this.violations.count();
		String huge = "{\"csp-report\": {\"blocked-uri\": \"" + "x".repeat(20_000) + "\"}}";
		this.mvc.perform(post("/csp-reports").contentType(MediaType.APPLICATION_JSON).content(huge))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(413));
		this.mvc.perform(post("/csp-reports").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(400));
		assertThat(this.violations.count()).isEqualTo(before);
	}

	private Launch launched(String key) throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase(key), "L-" + key);
		EHR.token(key).idToken(EHR.idToken(launch)).context(PATIENT_CONTEXT).stub();
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		return launch;
	}

	private static Map<String, String> directives(MockHttpServletResponse response) {
		String policy = response.getHeader("Content-Security-Policy");
		assertThat(policy).as("Content-Security-Policy").isNotNull();
		Map<String, String> directives = new java.util.LinkedHashMap<>();
		for (String directive : policy.split(";")) {
			String[] parts = directive.trim().split(" ", 2);
			directives.put(parts[0], (parts.length > 1) ? parts[1] : "");
		}
		return directives;
	}

}
