package org.kinship.launch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The whole launch against WireMock standing in for EHRs that misbehave in ways the
 * sandbox cannot: bad {@code id_token}s, broken token endpoints, narrowed scopes, and
 * context the sandbox does not send ({@code intent}, {@code fhirContext},
 * {@code tenant}). Each failure ends on a plain page with a reference number; the
 * recorded token requests show PKCE, the fixed redirect URI, and each kind of client
 * authentication.
 */
@SpringBootTest(properties = "kinship.launch.read-timeout=PT3S")
@AutoConfigureMockMvc
class FaultyEhrLaunchIntegrationTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static final RSAKey EHR_KEY = key("ehr-key");

	static final RSAKey FORGER_KEY = key("ehr-key");

	static {
		EHR.start();
	}

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		register(registry, "general", "client_secret_basic");
		registry.add("kinship.launch.issuers.general.client-secret", () -> "s3cret");
		register(registry, "keyed", "private_key_jwt");
		register(registry, "open", "none");
	}

	private static void register(DynamicPropertyRegistry registry, String key, String authentication) {
		registry.add("kinship.launch.issuers." + key + ".display-name", () -> key + " hospital");
		registry.add("kinship.launch.issuers." + key + ".fhir-base-url", () -> EHR.baseUrl() + "/" + key + "/fhir");
		registry.add("kinship.launch.issuers." + key + ".client-id", () -> "kinship-" + key);
		registry.add("kinship.launch.issuers." + key + ".client-authentication", () -> authentication);
	}

	@BeforeEach
	void stubEhr() {
		EHR.resetAll();
		for (String key : List.of("general", "keyed", "open")) {
			EHR.stubFor(WireMock.get("/" + key + "/fhir/.well-known/smart-configuration").willReturn(okJson("""
					{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/%2$s/token",
					 "jwks_uri": "%1$s/jwks"}
					""".formatted(EHR.baseUrl(), key))));
		}
		EHR.stubFor(WireMock.get("/jwks").willReturn(okJson(new JWKSet(EHR_KEY.toPublicJWK()).toString())));
		EHR.stubFor(
				WireMock.get(WireMock.urlPathMatching("/.*/fhir/Patient/.*")).willReturn(aResponse().withStatus(403)));
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void acceptsANarrowedGrantAndKeepsIntentFhirContextAndTenant() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-general", "Patient/123"),
				"\"patient\": \"123\", \"intent\": \"reconcile-medications\", \"tenant\": \"north\","
						+ " \"fhirContext\": [{\"reference\": \"Encounter/9\"}], \"need_patient_banner\": false,"
						+ " \"scope\": \"openid fhirUser launch patient/Condition.rs\"");
		assertThat(callback(launch)).isEqualTo("/");

		String home = this.mvc.perform(get("/").session(launch.session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("Welcome, Pat Example").contains("did not let Kinship read this record");
		KinshipPrincipal principal = principal(launch.session());
		assertThat(principal.intent()).isEqualTo("reconcile-medications");
		assertThat(principal.tenant()).isEqualTo("north");
		assertThat(principal.fhirContext()).containsExactly("Encounter/9");
		assertThat(principal.mayRead("Condition")).isTrue();
		assertThat(principal.mayRead("Patient")).isFalse();
	}

	@Test
	void tokenRequestIsAFormPostWithPkceVerifierRedirectUriAndBasicAuthentication() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-general", "Patient/123"),
				"\"patient\": \"123\"");
		callback(launch);
		LoggedRequest request = EHR.findAll(postRequestedFor(urlEqualTo("/general/token"))).get(0);
		Map<String, String> form = form(request.getBodyAsString());
		assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(form).containsEntry("grant_type", "authorization_code")
			.containsEntry("code", "the-code")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/general")
			.containsKey("code_verifier");
		assertThat(request.getHeader("Authorization"))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("kinship-general:s3cret".getBytes()));
	}

	@Test
	void privateKeyJwtAssertionFollowsSmartRules() throws Exception {
		Launch launch = startEhrLaunch("keyed");
		stubToken("keyed", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-keyed", "Patient/123"),
				"\"patient\": \"123\"");
		callback(launch);
		Map<String, String> form = form(
				EHR.findAll(postRequestedFor(urlEqualTo("/keyed/token"))).get(0).getBodyAsString());
		assertThat(form).containsEntry("client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
		assertThat(assertion.getHeader().getType().toString()).isEqualTo("JWT");
		assertThat(assertion.getHeader().getKeyID()).isNotBlank();
		JWTClaimsSet claims = assertion.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("kinship-keyed");
		assertThat(claims.getSubject()).isEqualTo("kinship-keyed");
		assertThat(claims.getAudience()).containsExactly(EHR.baseUrl() + "/keyed/token");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(301));
	}

	@Test
	void publicClientSendsItsClientIdAndNoSecret() throws Exception {
		Launch launch = startEhrLaunch("open");
		stubToken("open", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-open", "Patient/123"),
				"\"patient\": \"123\"");
		assertThat(callback(launch)).isEqualTo("/");
		LoggedRequest request = EHR.findAll(postRequestedFor(urlEqualTo("/open/token"))).get(0);
		assertThat(form(request.getBodyAsString())).containsEntry("client_id", "kinship-open");
		assertThat(request.getHeader("Authorization")).isNull();
	}

	@Test
	void refusesAnIdTokenWithABadSignature() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), FORGER_KEY, EHR.baseUrl(), "kinship-general", "Patient/123"),
				"\"patient\": \"123\"");
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenFromAnotherIssuer() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, "https://evil.example", "kinship-general", "Patient/1"),
				"\"patient\": \"1\"");
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenForAnotherAudience() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "someone-else", "Patient/1"),
				"\"patient\": \"1\"");
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenWithAnotherNonce() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken("not-the-nonce", EHR_KEY, EHR.baseUrl(), "kinship-general", "Patient/1"),
				"\"patient\": \"1\"");
		assertProblem(launch, "invalid_nonce", 401);
	}

	@Test
	void refusesAPatientLaunchWithoutPatientContext() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-general", "Patient/1"), null);
		assertProblem(launch, "missing_patient_context", 400);
	}

	@Test
	void saysPlainlyWhenTheTokenEndpointFails() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.stubFor(WireMock.post("/general/token").willReturn(aResponse().withStatus(500).withBody("oops")));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void saysPlainlyWhenTheTokenResponseIsMalformed() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.stubFor(WireMock.post("/general/token")
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\": ")));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void givesUpOnATokenEndpointThatDoesNotAnswerInTime() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken("general", idToken(launch.nonce(), EHR_KEY, EHR.baseUrl(), "kinship-general", "Patient/1"),
				"\"patient\": \"1\"");
		EHR.stubFor(WireMock.post("/general/token").willReturn(okJson("{}").withFixedDelay(6000)));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void showsTheRefusalWhenThePersonDeniesAccess() throws Exception {
		Launch launch = startEhrLaunch("general");
		String target = this.mvc
			.perform(get("/login/oauth2/code/general").param("error", "access_denied")
				.param("state", launch.state())
				.session(launch.session()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertProblemPage(target, "access_denied", 403);
	}

	@Test
	void refusesATamperedState() throws Exception {
		Launch launch = startEhrLaunch("general");
		String target = this.mvc
			.perform(get("/login/oauth2/code/general").param("code", "the-code")
				.param("state", launch.state() + "x")
				.session(launch.session()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertProblemPage(target, "authorization_request_not_found", 400);
		assertThat(EHR.findAll(postRequestedFor(urlEqualTo("/general/token")))).isEmpty();
	}

	private void assertProblem(Launch launch, String code, int status) throws Exception {
		assertProblemPage(callback(launch), code, status);
	}

	private void assertProblemPage(String target, String code, int status) throws Exception {
		assertThat(target).startsWith("/launch/problem?code=" + code + "&ref=");
		var page = this.mvc.perform(get(target)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(status);
		assertThat(page.getContentAsString()).contains("Please open Kinship again from your portal")
			.contains("Reference number")
			.doesNotContain("Exception")
			.doesNotContain("eyJ");
	}

	private Launch startEhrLaunch(String key) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String next = this.mvc
			.perform(get("/launch").param("iss", EHR.baseUrl() + "/" + key + "/fhir")
				.param("launch", "L-1")
				.session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String authorize = this.mvc.perform(get(next).session(session)).andReturn().getResponse().getRedirectedUrl();
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(authorize)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return new Launch(session, key, parameters.get("state"), parameters.get("nonce"));
	}

	private String callback(Launch launch) throws Exception {
		return this.mvc
			.perform(get("/login/oauth2/code/" + launch.key()).param("code", "the-code")
				.param("state", launch.state())
				.session(launch.session()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static KinshipPrincipal principal(MockHttpSession session) {
		var context = (org.springframework.security.core.context.SecurityContext) session
			.getAttribute("SPRING_SECURITY_CONTEXT");
		var user = (org.springframework.security.oauth2.core.user.OAuth2User) context.getAuthentication()
			.getPrincipal();
		return (KinshipPrincipal) user.getAttributes().get(CurrentPrincipal.PRINCIPAL_ATTRIBUTE);
	}

	private static void stubToken(String key, String idToken, String context) {
		String extra = (context != null) ? ", " + context : "";
		EHR.stubFor(WireMock.post("/" + key + "/token").willReturn(okJson("""
				{"access_token": "at-%s", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "openid fhirUser launch patient/Patient.rs patient/Condition.rs",
				 "id_token": "%s"%s}
				""".formatted(UUID.randomUUID(), idToken, extra))));
	}

	private static String idToken(String nonce, RSAKey key, String issuer, String audience, String fhirUser) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
				.subject("user-1")
				.audience(audience)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)))
				.claim("nonce", nonce)
				.claim("fhirUser", EHR.baseUrl() + "/general/fhir/" + fhirUser)
				.claim("name", "Pat Example")
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
		}
		return form;
	}

	private static RSAKey key(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Launch(MockHttpSession session, String key, String state, String nonce) {
	}

}
