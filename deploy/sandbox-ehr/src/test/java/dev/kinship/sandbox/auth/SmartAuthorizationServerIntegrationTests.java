package dev.kinship.sandbox.auth;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox behaves as a strict SMART App Launch 2.2 EHR: discovery, PKCE, state,
 * {@code aud}, launch context in the token response, a signed {@code id_token}, refresh
 * with {@code offline_access}, and the standard OAuth errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=sandbox-ehr", "sandbox.access-token-ttl=PT5S" })
class SmartAuthorizationServerIntegrationTests {

	static final String CLIENT = "kinship-secret";

	static final String SECRET = "kinship-dev-secret";

	static final String REDIRECT = "http://localhost:8080/login/oauth2/code/sandbox";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	SmartTestClient client;

	String base;

	@BeforeEach
	void setUp() {
		this.client = new SmartTestClient();
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void publishesDiscoveryWithS256AndTheEndpointsToUse() {
		JsonNode smart = SmartTestClient.json(this.client.get(fhirBase() + "/.well-known/smart-configuration"));
		assertThat(smart.get("authorization_endpoint").asString()).isEqualTo(this.base + "/oauth2/authorize");
		assertThat(smart.get("token_endpoint").asString()).isEqualTo(this.base + "/oauth2/token");
		assertThat(smart.get("jwks_uri").asString()).isEqualTo(this.base + "/oauth2/jwks");
		assertThat(texts(smart.get("code_challenge_methods_supported"))).containsExactly("S256");
		assertThat(texts(smart.get("capabilities"))).contains("launch-ehr", "launch-standalone",
				"client-confidential-asymmetric", "sso-openid-connect", "permission-v2", "context-ehr-patient");
	}

	@Test
	void ehrLaunchOfAPatientGivesPatientContextAndASignedIdToken() throws Exception {
		JsonNode persona = persona("PATIENT");
		Map<String, String> launch = launch(persona, "ehr");
		assertThat(launch.get("iss")).isEqualTo(fhirBase());
		Authorization authorization = authorize(launch.get("launch"), "openid fhirUser launch patient/*.rs");
		JsonNode token = exchange(authorization);

		assertThat(token.get("patient").asString()).isEqualTo(persona.get("patientId").asString());
		assertThat(token.get("need_patient_banner").asBoolean()).isFalse();
		assertThat(token.get("smart_style_url").asString()).isEqualTo(this.base + "/smart-style.json");
		assertThat(token.get("scope").asString()).contains("launch", "patient/*.rs");
		assertThat(token.get("expires_in").asInt()).isLessThanOrEqualTo(5);
		assertThat(this.client.get(token.get("smart_style_url").asString()).body()).contains("color_highlight");

		SignedJWT idToken = SignedJWT.parse(token.get("id_token").asString());
		RSAKey key = (RSAKey) JWKSet.parse(this.client.get(this.base + "/oauth2/jwks").body())
			.getKeyByKeyId(idToken.getHeader().getKeyID());
		assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(this.base);
		assertThat(idToken.getJWTClaimsSet().getAudience()).contains(CLIENT);
		assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(authorization.nonce());
		assertThat(idToken.getJWTClaimsSet().getStringClaim("fhirUser"))
			.isEqualTo(fhirBase() + "/" + persona.get("fhirUser").asString());

		SignedJWT accessToken = SignedJWT.parse(token.get("access_token").asString());
		assertThat(accessToken.getJWTClaimsSet().getStringClaim("patient"))
			.isEqualTo(persona.get("patientId").asString());
	}

	@Test
	void ehrLaunchOfTheCaregiverActsForThePersonCaredFor() throws Exception {
		JsonNode caregiver = persona("CAREGIVER");
		Authorization authorization = authorize(launch(caregiver, "ehr").get("launch"),
				"openid fhirUser launch patient/*.rs");
		JsonNode token = exchange(authorization);
		assertThat(token.get("patient").asString()).isEqualTo(caregiver.get("patientId").asString());
		assertThat(SignedJWT.parse(token.get("id_token").asString()).getJWTClaimsSet().getStringClaim("fhirUser"))
			.contains("/RelatedPerson/");
	}

	@Test
	void providerLaunchOfAClinicianAsksForAPatientBanner() throws Exception {
		JsonNode clinician = persona("CLINICIAN");
		JsonNode token = exchange(
				authorize(launch(clinician, "ehr").get("launch"), "openid fhirUser launch user/Patient.rs"));
		assertThat(token.get("need_patient_banner").asBoolean()).isTrue();
		assertThat(SignedJWT.parse(token.get("id_token").asString()).getJWTClaimsSet().getStringClaim("fhirUser"))
			.contains("/Practitioner/");
	}

	@Test
	void aScriptedLaunchOfAnotherPersonaSignsThemInInPlaceOfTheFirst() throws Exception {
		JsonNode first = persona("PATIENT");
		JsonNode second = persona("CAREGIVER");
		String firstLaunch = launch(first, "ehr").get("launch");
		exchange(authorize(firstLaunch, "openid fhirUser launch patient/*.rs"));

		JsonNode token = exchange(
				authorize(launch(second, "ehr").get("launch"), "openid fhirUser launch patient/*.rs"));
		assertThat(token.get("patient").asString()).isEqualTo(second.get("patientId").asString());
		assertThat(SignedJWT.parse(token.get("id_token").asString()).getJWTClaimsSet().getSubject())
			.isEqualTo(second.get("id").asString());
		// the first person's launch is no longer this browser's to use
		assertRedirectedWithError(AuthorizeRequest.standard(fhirBase(), firstLaunch, "openid launch"),
				"invalid_request");
	}

	@Test
	void anEhrLaunchReachingABrowserWithNobodySignedInGoesThroughTheSignInPage() throws Exception {
		JsonNode persona = persona("PATIENT");
		String launch = launch(persona, "ehr").get("launch");
		this.client = new SmartTestClient();
		AuthorizeRequest request = AuthorizeRequest.standard(fhirBase(), launch, "openid fhirUser launch");
		HttpResponse<String> authorize = this.client.get(request.url(this.base));
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(SmartTestClient.location(authorize)).endsWith("/sign-in");

		HttpResponse<String> signedIn = signIn(persona);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> resumed = this.client.get(SmartTestClient.location(signedIn));
		assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(302);
		assertThat(SmartTestClient.query(SmartTestClient.location(resumed))).containsKey("code")
			.containsEntry("state", request.state());
	}

	@Test
	void aBrowserAskingForTheFaviconIsNotSentToSignInNorGivenASession() {
		HttpResponse<String> favicon = this.client.get(this.base + "/favicon.ico");
		assertThat(favicon.statusCode()).isNotEqualTo(302);
		assertThat(favicon.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void standaloneLaunchUsesTheSignedInPersonsOwnRecord() {
		JsonNode persona = persona("PATIENT");
		Map<String, String> launch = launch(persona, "standalone");
		assertThat(launch).containsOnlyKeys("iss");
		JsonNode token = exchange(authorize(null, "openid fhirUser launch/patient patient/Condition.rs"));
		assertThat(token.get("patient").asString()).isEqualTo(persona.get("patientId").asString());
	}

	@Test
	void standaloneAuthorizeWithoutSignInGoesToTheSignInPage() {
		AuthorizeRequest request = AuthorizeRequest.standard(fhirBase(), null, "openid launch/patient");
		HttpResponse<String> response = this.client.get(request.url(this.base));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(SmartTestClient.location(response)).endsWith("/sign-in");
	}

	@Test
	void offlineAccessGivesARotatingRefreshTokenThatKeepsTheContext() throws Exception {
		JsonNode persona = persona("PATIENT");
		JsonNode token = exchange(
				authorize(launch(persona, "ehr").get("launch"), "openid fhirUser launch offline_access patient/*.rs"));
		String refreshToken = token.get("refresh_token").asString();

		HttpResponse<String> refreshed = this.client.postForm(this.base + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), CLIENT + ":" + SECRET);
		assertThat(refreshed.statusCode()).isEqualTo(200);
		JsonNode renewed = SmartTestClient.json(refreshed);
		assertThat(renewed.get("access_token").asString()).isNotEqualTo(token.get("access_token").asString());
		assertThat(renewed.get("patient").asString()).isEqualTo(persona.get("patientId").asString());
		assertThat(renewed.get("refresh_token").asString()).isNotEqualTo(refreshToken);
		assertThat(SignedJWT.parse(renewed.get("access_token").asString()).getJWTClaimsSet().getStringClaim("patient"))
			.isEqualTo(persona.get("patientId").asString());

		HttpResponse<String> reused = this.client.postForm(this.base + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), CLIENT + ":" + SECRET);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(SmartTestClient.json(reused).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void givesNoRefreshTokenWithoutOfflineAccess() {
		JsonNode token = exchange(authorize(launch(persona("PATIENT"), "ehr").get("launch"), "openid launch"));
		assertThat(token.has("refresh_token")).isFalse();
	}

	@Test
	void refusesAnAuthorizeRequestWithoutPkce() {
		String launch = launch(persona("PATIENT"), "ehr").get("launch");
		AuthorizeRequest request = AuthorizeRequest.standard(fhirBase(), launch, "openid launch").withoutPkce();
		assertRedirectedWithError(request, "invalid_request");
	}

	@Test
	void refusesPlainPkce() {
		String launch = launch(persona("PATIENT"), "ehr").get("launch");
		AuthorizeRequest request = AuthorizeRequest.standard(fhirBase(), launch, "openid launch")
			.with("code_challenge_method", "plain");
		assertRedirectedWithError(request, "invalid_request");
	}

	@Test
	void refusesAnAudienceThatIsNotThisFhirServer() {
		String launch = launch(persona("PATIENT"), "ehr").get("launch");
		AuthorizeRequest request = AuthorizeRequest.standard("https://elsewhere.example/fhir", launch, "openid launch");
		assertRedirectedWithError(request, "invalid_request");
	}

	@Test
	void refusesTheLaunchScopeWithAnUnknownLaunch() {
		launch(persona("PATIENT"), "ehr");
		assertRedirectedWithError(AuthorizeRequest.standard(fhirBase(), "forged", "openid launch"), "invalid_request");
	}

	@Test
	void refusesAnUnknownClientWithoutRedirecting() {
		String launch = launch(persona("PATIENT"), "ehr").get("launch");
		HttpResponse<String> response = this.client.get(AuthorizeRequest.standard(fhirBase(), launch, "openid launch")
			.with("client_id", "stranger")
			.url(this.base));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void refusesAnUnregisteredRedirectUriWithoutRedirecting() {
		String launch = launch(persona("PATIENT"), "ehr").get("launch");
		HttpResponse<String> response = this.client.get(AuthorizeRequest.standard(fhirBase(), launch, "openid launch")
			.with("redirect_uri", "https://attacker.example/callback")
			.url(this.base));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void refusesAWrongCodeVerifierAndAReplayedCode() {
		Authorization authorization = authorize(launch(persona("PATIENT"), "ehr").get("launch"), "openid launch");
		HttpResponse<String> wrongVerifier = tokenRequest(authorization.code(), SmartTestClient.randomToken());
		assertThat(wrongVerifier.statusCode()).isEqualTo(400);
		assertThat(SmartTestClient.json(wrongVerifier).get("error").asString()).isEqualTo("invalid_grant");

		Authorization second = authorize(launch(persona("PATIENT"), "ehr").get("launch"), "openid launch");
		assertThat(tokenRequest(second.code(), second.verifier()).statusCode()).isEqualTo(200);
		assertThat(tokenRequest(second.code(), second.verifier()).statusCode()).isEqualTo(400);
	}

	@Test
	void refusesAWrongClientSecret() {
		Authorization authorization = authorize(launch(persona("PATIENT"), "ehr").get("launch"), "openid launch");
		HttpResponse<String> response = this.client
			.postForm(
					this.base + "/oauth2/token", Map.of("grant_type", "authorization_code", "code",
							authorization.code(), "redirect_uri", REDIRECT, "code_verifier", authorization.verifier()),
					CLIENT + ":wrong");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(SmartTestClient.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	private void assertRedirectedWithError(AuthorizeRequest request, String error) {
		HttpResponse<String> response = this.client.get(request.url(this.base));
		assertThat(response.statusCode()).isEqualTo(302);
		Map<String, String> query = SmartTestClient.query(SmartTestClient.location(response));
		assertThat(SmartTestClient.location(response)).startsWith(REDIRECT);
		assertThat(query).containsEntry("error", error).containsEntry("state", request.state());
	}

	private JsonNode persona(String role) {
		JsonNode personas = SmartTestClient.json(this.client.get(this.base + "/personas"));
		for (JsonNode persona : personas) {
			if (persona.get("role").asString().equals(role)) {
				return persona;
			}
		}
		throw new AssertionError("No demo persona with role " + role);
	}

	private Map<String, String> launch(JsonNode persona, String mode) {
		HttpResponse<String> response = this.client
			.get(this.base + "/launch?persona=" + persona.get("id").asString() + "&mode=" + mode + "&client=" + CLIENT);
		assertThat(response.statusCode()).isEqualTo(302);
		String location = SmartTestClient.location(response);
		assertThat(location).startsWith("http://localhost:8080/launch");
		return SmartTestClient.query(location);
	}

	private HttpResponse<String> signIn(JsonNode persona) {
		Matcher csrf = CSRF.matcher(this.client.get(this.base + "/sign-in").body());
		assertThat(csrf.find()).as("the sign-in form's token").isTrue();
		return this.client.postForm(this.base + "/sign-in",
				Map.of("persona", persona.get("id").asString(), "_csrf", csrf.group(1)), null);
	}

	private Authorization authorize(String launch, String scope) {
		AuthorizeRequest request = AuthorizeRequest.standard(fhirBase(), launch, scope);
		HttpResponse<String> response = this.client.get(request.url(this.base));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = SmartTestClient.location(response);
		Map<String, String> query = SmartTestClient.query(location);
		assertThat(query).as(location).containsKey("code").containsEntry("state", request.state());
		return new Authorization(query.get("code"), request.verifier(), request.nonce());
	}

	private JsonNode exchange(Authorization authorization) {
		HttpResponse<String> response = tokenRequest(authorization.code(), authorization.verifier());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SmartTestClient.json(response);
	}

	private HttpResponse<String> tokenRequest(String code, String verifier) {
		return this.client.postForm(this.base + "/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				code, "redirect_uri", REDIRECT, "code_verifier", verifier), CLIENT + ":" + SECRET);
	}

	private String fhirBase() {
		return this.base + "/fhir";
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	record Authorization(String code, String verifier, String nonce) {
	}

	record AuthorizeRequest(Map<String, String> parameters, String verifier) {

		static AuthorizeRequest standard(String aud, String launch, String scope) {
			String verifier = SmartTestClient.randomToken();
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("response_type", "code");
			parameters.put("client_id", CLIENT);
			parameters.put("redirect_uri", REDIRECT);
			parameters.put("scope", scope);
			parameters.put("state", SmartTestClient.randomToken());
			parameters.put("nonce", SmartTestClient.randomToken());
			parameters.put("aud", aud);
			parameters.put("code_challenge", SmartTestClient.s256(verifier));
			parameters.put("code_challenge_method", "S256");
			if (launch != null) {
				parameters.put("launch", launch);
			}
			return new AuthorizeRequest(parameters, verifier);
		}

		AuthorizeRequest with(String name, String value) {
			Map<String, String> changed = new LinkedHashMap<>(this.parameters);
			changed.put(name, value);
			return new AuthorizeRequest(changed, this.verifier);
		}

		AuthorizeRequest withoutPkce() {
			Map<String, String> changed = new LinkedHashMap<>(this.parameters);
			changed.remove("code_challenge");
			changed.remove("code_challenge_method");
			return new AuthorizeRequest(changed, this.verifier);
		}

		String state() {
			return this.parameters.get("state");
		}

		String nonce() {
			return this.parameters.get("nonce");
		}

		String url(String base) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromUri(URI.create(base + "/oauth2/authorize"));
			this.parameters.forEach(builder::queryParam);
			return builder.encode().build().toUriString();
		}

	}

}
