package org.kinship.launch;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole launch against WireMock standing in for EHRs that misbehave in ways the
 * sandbox cannot: bad {@code id_token}s, broken token endpoints, narrowed scopes, and
 * context the sandbox does not send ({@code intent}, {@code fhirContext},
 * {@code tenant}). Each failure ends on a plain page with a reference number; the
 * recorded token requests show PKCE, the fixed redirect URI, and each kind of client
 * authentication. A narrowed grant with that context ends on the home page, so it is
 * tested in portal-app's {@code LaunchedHomePageIntegrationTests}.
 */
@SpringBootTest(properties = "kinship.launch.read-timeout=PT3S")
@AutoConfigureMockMvc
class FaultyEhrLaunchIntegrationTests {

	static final FakeEhr EHR = FakeEhr.start();

	static final RSAKey FORGER_KEY = FakeEhr.rsaKey("ehr-key");

	@Autowired
	MockMvc mvc;

	LaunchingBrowser browser;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		EHR.register(registry, "general", "client_secret_basic");
		registry.add("kinship.launch.issuers.general.client-secret", () -> "s3cret");
		EHR.register(registry, "keyed", "private_key_jwt");
		EHR.register(registry, "open", "none");
	}

	@BeforeEach
	void stubEhr() {
		EHR.reset("general", "keyed", "open");
		this.browser = new LaunchingBrowser(this.mvc);
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void tokenRequestIsAFormPostWithPkceVerifierRedirectUriAndBasicAuthentication() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken(launch);
		this.browser.callback(launch);
		LoggedRequest request = EHR.tokenRequests("general").get(0);
		Map<String, String> form = FakeEhr.form(request.getBodyAsString());
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
		stubToken(launch);
		this.browser.callback(launch);
		Map<String, String> form = EHR.tokenForms("keyed").get(0);
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
		stubToken(launch);
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		LoggedRequest request = EHR.tokenRequests("open").get(0);
		assertThat(FakeEhr.form(request.getBodyAsString())).containsEntry("client_id", "kinship-open");
		assertThat(request.getHeader("Authorization")).isNull();
	}

	@Test
	void refusesAnIdTokenWithABadSignature() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken(launch, EHR.idToken(launch).signedBy(FORGER_KEY));
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenFromAnotherIssuer() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken(launch, EHR.idToken(launch).issuedBy("https://evil.example"));
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenForAnotherAudience() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken(launch, EHR.idToken(launch).forAudience("someone-else"));
		assertProblem(launch, "invalid_id_token", 401);
	}

	@Test
	void refusesAnIdTokenWithAnotherNonce() throws Exception {
		Launch launch = startEhrLaunch("general");
		stubToken(launch, EHR.idToken(launch).withNonce("not-the-nonce"));
		assertProblem(launch, "invalid_nonce", 401);
	}

	@Test
	void refusesAPatientLaunchWithoutPatientContext() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.token("general").idToken(EHR.idToken(launch)).stub();
		assertProblem(launch, "missing_patient_context", 400);
	}

	@Test
	void saysPlainlyWhenTheTokenEndpointFails() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.server().stubFor(WireMock.post("/general/token").willReturn(aResponse().withStatus(500).withBody("oops")));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void saysPlainlyWhenTheTokenResponseIsMalformed() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.server()
			.stubFor(WireMock.post("/general/token")
				.willReturn(
						aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\": ")));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void givesUpOnATokenEndpointThatDoesNotAnswerInTime() throws Exception {
		Launch launch = startEhrLaunch("general");
		EHR.server().stubFor(WireMock.post("/general/token").willReturn(okJson("{}").withFixedDelay(6000)));
		assertProblem(launch, "invalid_token_response", 502);
	}

	@Test
	void showsTheRefusalWhenThePersonDeniesAccess() throws Exception {
		Launch launch = startEhrLaunch("general");
		String target = this.browser.returnFromEhr(launch, launch.session(), "error", "access_denied", "state",
				launch.state());
		assertThat(this.browser.problemPage(target, "access_denied").getStatus()).isEqualTo(403);
	}

	@Test
	void refusesATamperedState() throws Exception {
		Launch launch = startEhrLaunch("general");
		String target = this.browser.returnFromEhr(launch, launch.session(), "code", "the-code", "state",
				launch.state() + "x");
		assertThat(this.browser.problemPage(target, "authorization_request_not_found").getStatus()).isEqualTo(400);
		assertThat(EHR.tokenRequests("general")).isEmpty();
	}

	private void assertProblem(Launch launch, String code, int status) throws Exception {
		assertThat(this.browser.problemPage(this.browser.callback(launch), code).getStatus()).isEqualTo(status);
	}

	private Launch startEhrLaunch(String key) throws Exception {
		return this.browser.ehrLaunch(EHR.fhirBase(key), "L-1");
	}

	private static void stubToken(Launch launch) {
		stubToken(launch, EHR.idToken(launch));
	}

	private static void stubToken(Launch launch, SignedIdToken idToken) {
		EHR.token(launch.key()).idToken(idToken).context("\"patient\": \"123\"").stub();
	}

}
