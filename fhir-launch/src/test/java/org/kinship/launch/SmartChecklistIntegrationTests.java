package org.kinship.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.hl7.fhir.r4.model.Patient;
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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * SMART App Launch 2.2 as the checklist in {@code smart-app-launch-checklist.md} states
 * it, one test per row, each asserted on what Kinship sent: the authorize request the
 * browser was sent to, and the discovery, token and FHIR requests that WireMock, standing
 * in for the EHR, recorded. Kinship signs its client assertions with an ES384 key here;
 * {@link FaultyEhrLaunchIntegrationTests} covers the generated RS384 key. The rows that
 * end on the home page (3, 9, 10, 12, 13 and 16) need the whole application and are
 * tested in portal-app's {@code LaunchedHomePageIntegrationTests}.
 */
@SpringBootTest(properties = "kinship.launch.discovery-ttl=PT0S")
@AutoConfigureMockMvc
class SmartChecklistIntegrationTests {

	static final FakeEhr EHR = FakeEhr.start();

	static final ECKey CLIENT_KEY = es384Key();

	static final RSAKey FORGER_KEY = FakeEhr.rsaKey("ehr-key");

	static final String PATIENT_CONTEXT = "\"patient\": \"123\"";

	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	@Autowired
	MockMvc mvc;

	@Autowired
	BackendFhirClients backend;

	LaunchingBrowser browser;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("kinship.launch.client-key", CLIENT_KEY::toJSONString);
		EHR.register(registry, "general", "client_secret_basic");
		registry.add("kinship.launch.issuers.general.client-secret", () -> "s3cret");
		EHR.register(registry, "keyed", "private_key_jwt");
		EHR.register(registry, "open", "none");
		EHR.register(registry, "moved", "none");
		EHR.register(registry, "plain", "none");
		EHR.register(registry, "system", "private_key_jwt");
		registry.add("kinship.launch.issuers.system.backend-client-id", () -> "kinship-backend");
	}

	@BeforeEach
	void stubEhr() {
		EHR.reset("general", "keyed", "open", "system");
		this.browser = new LaunchingBrowser(this.mvc);
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	/** Row 1: EHR launch sends back the launch value it got, with the launch scope. */
	@Test
	void row01EhrLaunchSendsTheLaunchBackWithTheLaunchScope() throws Exception {
		String launchValue = "L-" + UUID.randomUUID();
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), launchValue);
		EHR.server().verify(getRequestedFor(urlEqualTo("/general/fhir/.well-known/smart-configuration")));
		assertThat(launch.authorizeUrl()).startsWith(EHR.baseUrl() + "/auth?");
		assertThat(launch.parameters()).containsEntry("launch", launchValue)
			.containsEntry("response_type", "code")
			.containsEntry("client_id", "kinship-general");
		assertThat(launch.scopes()).contains("launch").doesNotContain("launch/patient");
	}

	/** Row 2: standalone launch asks for launch/patient and sends no launch value. */
	@Test
	void row02StandaloneLaunchAsksForLaunchPatientWithoutALaunchParameter() throws Exception {
		Launch launch = this.browser.standaloneLaunch("general");
		assertThat(launch.parameters()).doesNotContainKey("launch");
		assertThat(launch.scopes()).contains("launch/patient").doesNotContain("launch", "launch/encounter");
	}

	/** Row 4: {@code state} is unpredictable, bound to the browser session, used once. */
	@Test
	void row04StateIsUnpredictableBoundToTheSessionAndUsedOnce() throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-4");
		Launch other = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-4");
		assertThat(launch.state()).isNotEqualTo(other.state());
		// at least 128 random bits, above the 122 the guide asks for
		assertThat(Base64.getUrlDecoder().decode(launch.state())).hasSizeGreaterThanOrEqualTo(16);
		stubToken(launch);

		assertRefusedState(launch, launch.session(), launch.state() + "x");
		assertRefusedState(launch, other.session(), launch.state());
		assertThat(EHR.tokenRequests("general")).isEmpty();
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		assertRefusedState(launch, launch.session(), launch.state());
		assertThat(EHR.tokenRequests("general")).hasSize(1);
	}

	/** Row 5: PKCE: S256 on authorize, {@code code_verifier} on the token request. */
	@Test
	void row05PkceVerifierSatisfiesAServerThatRequiresS256() throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("open"), "L-5");
		assertThat(launch.parameters()).containsEntry("code_challenge_method", "S256");
		String challenge = launch.parameters().get("code_challenge");
		EHR.token("open").idToken(EHR.idToken(launch)).context(PATIENT_CONTEXT).onlyWhen(pkceProof(challenge)).stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		assertThat(EHR.tokenForms("open").get(0).get("code_verifier")).matches("[A-Za-z0-9\\-._~]{43,128}")
			.isNotEqualTo(challenge);
	}

	/** Row 6: {@code aud} is the FHIR base URL, the {@code iss}. */
	@Test
	void row06AudienceIsTheFhirBaseUrl() throws Exception {
		String iss = EHR.fhirBase("general");
		assertThat(this.browser.ehrLaunch(iss, "L-6").parameters()).containsEntry("aud", iss);
		assertThat(this.browser.standaloneLaunch("general").parameters()).containsEntry("aud", iss);
	}

	/** Row 7: a registered, fixed {@code redirect_uri}, the same at the token step. */
	@Test
	void row07RegisteredRedirectUriIsSentAgainAtTheTokenStep() throws Exception {
		String registered = "http://localhost/login/oauth2/code/general";
		assertThat(this.browser.standaloneLaunch("general").parameters()).containsEntry("redirect_uri", registered);
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-7");
		assertThat(launch.parameters()).containsEntry("redirect_uri", registered);
		EHR.token("general")
			.idToken(EHR.idToken(launch))
			.context(PATIENT_CONTEXT)
			.onlyFor("redirect_uri", registered)
			.stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
	}

	/** Row 8: the token request is a form POST; each kind of client authenticates. */
	@Test
	void row08TokenRequestIsAFormPostAuthenticatedAsTheClientIsRegistered() throws Exception {
		LoggedRequest basic = exchangeCode("general");
		LoggedRequest keyed = exchangeCode("keyed");
		LoggedRequest open = exchangeCode("open");
		for (LoggedRequest request : List.of(basic, keyed, open)) {
			assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(FakeEhr.form(request.getBodyAsString())).containsEntry("grant_type", "authorization_code")
				.doesNotContainKey("client_secret");
		}
		assertThat(basic.getHeader("Authorization"))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("kinship-general:s3cret".getBytes()));
		assertThat(keyed.getHeader("Authorization")).isNull();
		assertThat(FakeEhr.form(keyed.getBodyAsString())).containsEntry("client_assertion_type", JWT_BEARER)
			.containsKey("client_assertion");
		assertThat(open.getHeader("Authorization")).isNull();
		assertThat(FakeEhr.form(open.getBodyAsString())).containsEntry("client_id", "kinship-open")
			.doesNotContainKey("client_assertion");
	}

	/** Row 11: the id_token is validated; fhirUser may be relative or absolute. */
	@Test
	void row11IdTokenIsValidatedAndFhirUserMayBeRelativeOrAbsolute() throws Exception {
		assertRefusedIdToken((token) -> token.signedBy(FORGER_KEY), "invalid_id_token");
		assertRefusedIdToken((token) -> token.issuedBy("https://evil.example"), "invalid_id_token");
		assertRefusedIdToken((token) -> token.forAudience("someone-else"), "invalid_id_token");
		assertRefusedIdToken((token) -> token.expiringAt(Instant.now().minusSeconds(300)), "invalid_id_token");
		assertRefusedIdToken((token) -> token.withNonce("not-the-nonce"), "invalid_nonce");

		String absolute = EHR.fhirBase("general") + "/";
		assertThat(launchedAs("Patient/123")).extracting(KinshipPrincipal::fhirUser, KinshipPrincipal::role)
			.containsExactly("Patient/123", KinshipRole.PATIENT);
		assertThat(launchedAs(absolute + "RelatedPerson/rp-1"))
			.extracting(KinshipPrincipal::fhirUser, KinshipPrincipal::role)
			.containsExactly("RelatedPerson/rp-1", KinshipRole.CAREGIVER);
		assertThat(launchedAs(absolute + "Practitioner/p-1"))
			.extracting(KinshipPrincipal::fhirUser, KinshipPrincipal::role)
			.containsExactly("Practitioner/p-1", KinshipRole.CLINICIAN);
		assertThat(launchedAs("PractitionerRole/pr-1")).extracting(KinshipPrincipal::fhirUser, KinshipPrincipal::role)
			.containsExactly("PractitionerRole/pr-1", KinshipRole.CLINICIAN);
	}

	/** Row 14: private_key_jwt: published key, SMART's header and claims, unique jti. */
	@Test
	void row14ClientAssertionIsSignedWithThePublishedKeyAndFollowsSmartRules() throws Exception {
		SignedJWT first = SignedJWT
			.parse(FakeEhr.form(exchangeCode("keyed").getBodyAsString()).get("client_assertion"));
		SignedJWT second = SignedJWT
			.parse(FakeEhr.form(exchangeCode("keyed").getBodyAsString()).get("client_assertion"));
		JWKSet published = JWKSet
			.parse(this.mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString());
		assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
		JWK key = published.getKeyByKeyId(first.getHeader().getKeyID());
		assertThat(first.verify(new ECDSAVerifier(key.toECKey()))).isTrue();

		assertThat(first.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
		assertThat(first.getHeader().getType()).hasToString("JWT");
		JWTClaimsSet claims = first.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("kinship-keyed");
		assertThat(claims.getSubject()).isEqualTo("kinship-keyed");
		assertThat(claims.getAudience()).containsExactly(EHR.baseUrl() + "/keyed/token");
		assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now())
			.isBefore(Instant.now().plusSeconds(301));
		assertThat(claims.getJWTID()).isNotBlank().isNotEqualTo(second.getJWTClaimsSet().getJWTID());
	}

	/** Row 15: backend services: client_credentials, a new assertion, no refresh. */
	@Test
	void row15BackendServicesBuyEachTokenWithAFreshAssertionAndNeverRefresh() throws Exception {
		// a one-second token is not worth reusing, and the refresh token must be ignored
		EHR.token("system")
			.onlyFor("grant_type", "client_credentials")
			.accessToken("system-token")
			.refreshToken("not-for-backends")
			.expiresIn(1)
			.stub();
		EHR.server()
			.stubFor(WireMock.get(urlPathEqualTo("/system/fhir/Patient/123"))
				.withHeader("Authorization", equalTo("Bearer system-token"))
				.willReturn(FakeEhr.patient("123")));

		for (int read = 0; read < 2; read++) {
			Patient patient = this.backend.forIssuer("system").read().resource(Patient.class).withId("123").execute();
			assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Brooks");
		}
		List<Map<String, String>> forms = EHR.tokenForms("system");
		assertThat(forms).hasSize(2).allSatisfy((form) -> {
			assertThat(form).containsEntry("grant_type", "client_credentials")
				.containsEntry("client_assertion_type", JWT_BEARER)
				.doesNotContainKey("refresh_token");
			assertThat(form.get("scope").split(" ")).allMatch((scope) -> scope.startsWith("system/"));
		});
		JWTClaimsSet first = SignedJWT.parse(forms.get(0).get("client_assertion")).getJWTClaimsSet();
		JWTClaimsSet second = SignedJWT.parse(forms.get(1).get("client_assertion")).getJWTClaimsSet();
		assertThat(first.getIssuer()).isEqualTo("kinship-backend").isEqualTo(first.getSubject());
		assertThat(first.getAudience()).containsExactly(EHR.baseUrl() + "/system/token");
		assertThat(first.getJWTID()).isNotEqualTo(second.getJWTID());
	}

	private void assertRefusedState(Launch launch, MockHttpSession session, String state) throws Exception {
		String target = this.browser.returnFromEhr(launch, session, "code", "the-code", "state", state);
		assertThat(this.browser.problemPage(target, "authorization_request_not_found").getStatus()).isEqualTo(400);
	}

	private void assertRefusedIdToken(UnaryOperator<SignedIdToken> breakage, String code) throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-11");
		EHR.token("general").idToken(breakage.apply(EHR.idToken(launch))).context(PATIENT_CONTEXT).stub();
		assertThat(this.browser.problemPage(this.browser.callback(launch), code).getStatus()).isEqualTo(401);
		assertThat(launch.session().getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
	}

	private KinshipPrincipal launchedAs(String fhirUser) throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("general"), "L-11");
		EHR.token("general")
			.idToken(EHR.idToken(launch).forUser(fhirUser, "Pat Example"))
			.context(PATIENT_CONTEXT)
			.stub();
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		return LaunchingBrowser.principal(launch.session());
	}

	private LoggedRequest exchangeCode(String key) throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase(key), "L-8");
		stubToken(launch);
		assertThat(this.browser.callback(launch)).isEqualTo("/");
		List<LoggedRequest> requests = EHR.tokenRequests(key);
		return requests.get(requests.size() - 1);
	}

	private static void stubToken(Launch launch) {
		EHR.token(launch.key()).idToken(EHR.idToken(launch)).context(PATIENT_CONTEXT).stub();
	}

	/**
	 * A token endpoint that answers only the verifier whose S256 hash is the challenge.
	 */
	private static ValueMatcher<Request> pkceProof(String challenge) {
		return (request) -> {
			String verifier = FakeEhr.form(request.getBodyAsString()).get("code_verifier");
			return MatchResult.of(verifier != null && s256(verifier).equals(challenge));
		};
	}

	private static String s256(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey es384Key() {
		try {
			return new ECKeyGenerator(Curve.P_384).keyID("kinship-es384")
				.algorithm(JWSAlgorithm.ES384)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
