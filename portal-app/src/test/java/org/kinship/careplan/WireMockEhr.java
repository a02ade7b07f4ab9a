package org.kinship.careplan;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An EHR played by WireMock for the care-plan tests: SMART discovery, keys and tokens (an
 * authorization code gives {@code at-1}, a refresh gives {@code at-2}), and a patient
 * launched into Kinship and joined to a group over MockMvc, as a browser would.
 */
final class WireMockEhr {

	static final String ALL_SCOPES = "openid fhirUser launch offline_access patient/Patient.rs patient/Condition.rs "
			+ "patient/CarePlan.rs patient/Goal.rs patient/MedicationRequest.rs patient/CareTeam.rs "
			+ "patient/Appointment.rs patient/Practitioner.rs";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern PANEL_PLACE = Pattern.compile("data-careplan-src=\"([^\"]+)\"");

	private static final RSAKey KEY = key();

	/** Off until a test arms it: then it holds reads of a care plan's parts. */
	final ReadWave wave = new ReadWave();

	final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(this.wave));

	private final String key;

	WireMockEhr(String key) {
		this.key = key;
		this.server.start();
	}

	String fhirBase() {
		return this.server.baseUrl() + "/" + this.key + "/fhir";
	}

	String fhirPath(String resource) {
		return "/" + this.key + "/fhir/" + resource;
	}

	void register(DynamicPropertyRegistry registry) {
		String prefix = "kinship.launch.issuers." + this.key + ".";
		registry.add(prefix + "display-name", () -> "Test Health");
		registry.add(prefix + "fhir-base-url", this::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-" + this.key);
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add("kinship.groups.demo-issuers", () -> this.key);
	}

	/** Discovery and keys; FHIR answers 404 until a test stubs it. */
	void reset() {
		this.server.resetAll();
		this.server.stubFor(WireMock.get("/" + this.key + "/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/%2$s/token",
				 "jwks_uri": "%1$s/jwks"}
				""".formatted(this.server.baseUrl(), this.key))));
		this.server.stubFor(WireMock.get("/jwks").willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
	}

	/**
	 * Launches a person: Kinship's launch URL, the authorization redirect, and the
	 * callback with a code that the token endpoint exchanges.
	 * @return the Kinship session
	 */
	MockHttpSession launch(MockMvc mvc, String fhirUser, String patient, String scope) throws Exception {
		return launch(mvc, fhirUser, patient, scope, "", "Pat Example");
	}

	/**
	 * Launches a person with more launch context in the token response and the name the
	 * {@code id_token} gives, if any.
	 * @param context more members of the token response ({@code "need_patient_banner":
	 * true}), or empty
	 * @param name the {@code name} claim, or {@code null} for an {@code id_token} without
	 * one
	 * @return the Kinship session
	 */
	MockHttpSession launch(MockMvc mvc, String fhirUser, String patient, String scope, String context, String name)
			throws Exception {
		MockHttpSession session = new MockHttpSession();
		String next = mvc.perform(get("/launch").param("iss", fhirBase()).param("launch", "L-1").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String authorize = mvc.perform(get(next).session(session)).andReturn().getResponse().getRedirectedUrl();
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(authorize)
			.build()
			.getQueryParams()
			.forEach((key, values) -> parameters.put(key, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		stubTokens(parameters.get("nonce"), fhirUser, patient, scope, context, name);
		String landed = mvc
			.perform(get("/login/oauth2/code/" + this.key).param("code", "the-code")
				.param("state", parameters.get("state"))
				.session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(landed).isEqualTo("/");
		return session;
	}

	/**
	 * A group's page as a browser with scripts shows it once the care-plan panel has
	 * arrived: the page, and when it leaves a place for the panel, the panel that its
	 * script asks for, after the page.
	 * @return the page, followed by the panel when the script loads it
	 */
	static String groupPageWithPanel(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString();
		Matcher place = PANEL_PLACE.matcher(page);
		if (!place.find()) {
			return page;
		}
		var panel = mvc.perform(get(place.group(1)).session(session)).andReturn().getResponse();
		assertThat(panel.getStatus()).as("the panel the page's script asks for").isEqualTo(200);
		return page + "\n" + panel.getContentAsString();
	}

	/** Joins a group as a browser does: the join page's CSRF token, then the form. */
	void join(MockMvc mvc, MockHttpSession session, String slug, String displayName) throws Exception {
		String form = mvc.perform(get("/groups/" + slug + "/join").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).as("a CSRF token on the join page").isTrue();
		var response = mvc
			.perform(post("/groups/" + slug + "/join").session(session)
				.param("displayName", displayName)
				.param("acceptGuidelines", "true")
				.param("_useRealName", "on")
				.param("_caregiverBadge", "on")
				.param("_acceptGuidelines", "on")
				.param("_csrf", csrf.group(1)))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).as(() -> response.getStatus() + " " + contentOf(response))
			.isEqualTo("/groups/" + slug);
	}

	private static String contentOf(org.springframework.mock.web.MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String csrf(String page) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("a CSRF token in the page").isTrue();
		return csrf.group(1);
	}

	/** Answers a search for a resource type with a bundle of the given resources. */
	void stubSearch(String type, String... resources) {
		this.server
			.stubFor(WireMock.get(WireMock.urlPathEqualTo(fhirPath(type))).willReturn(fhirJson(bundle(resources))));
	}

	/** Answers a search for a resource type with a bundle as given. */
	void stubBundle(String type, String bundle) {
		this.server.stubFor(WireMock.get(WireMock.urlPathEqualTo(fhirPath(type))).willReturn(fhirJson(bundle)));
	}

	/** Every part of the record empty. */
	void stubEmptyRecord() {
		for (String type : new String[] { "CarePlan", "Goal", "MedicationRequest", "Condition", "CareTeam",
				"Appointment" }) {
			stubSearch(type);
		}
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhirJson(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body);
	}

	static String bundle(String... resources) {
		return """
				{"resourceType": "Bundle", "type": "searchset", "entry": [%s]}
				""".formatted(Arrays.stream(resources)
			.map((resource) -> "{\"resource\": " + resource + "}")
			.collect(Collectors.joining(",")));
	}

	void stop() {
		this.server.stop();
	}

	private void stubTokens(String nonce, String fhirUser, String patient, String scope, String more, String name) {
		String context = ((patient != null) ? ", \"patient\": \"" + patient + "\"" : "")
				+ (more.isEmpty() ? "" : ", " + more);
		this.server.stubFor(WireMock.post("/" + this.key + "/token")
			.withRequestBody(containing("grant_type=authorization_code"))
			.willReturn(okJson("""
					{"access_token": "at-1", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rt-1",
					 "scope": "%s", "id_token": "%s"%s}
					""".formatted(scope, idToken(nonce, fhirUser, name), context))));
		this.server.stubFor(WireMock.post("/" + this.key + "/token")
			.withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(okJson("""
					{"access_token": "at-2", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rt-2",
					 "scope": "%s"}
					""".formatted(scope))));
	}

	/** The refresh grant is refused, as after a patient revokes Kinship at the portal. */
	void refuseRefresh() {
		this.server.stubFor(WireMock.post("/" + this.key + "/token")
			.withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\"}")));
	}

	private String idToken(String nonce, String fhirUser, String name) {
		try {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(this.server.baseUrl())
				.subject("user-1")
				.audience("kinship-" + this.key)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)))
				.claim("nonce", nonce)
				.claim("fhirUser", fhirBase() + "/" + fhirUser);
			JWTClaimsSet claims = ((name != null) ? builder.claim("name", name) : builder).build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(KEY));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("ehr-key").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
