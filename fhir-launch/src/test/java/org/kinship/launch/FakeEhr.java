package org.kinship.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for a hospital's EHR: SMART discovery for each registration, the
 * EHR's signing key at {@code /jwks}, token responses with an {@code id_token} it signed,
 * and FHIR reads. Each registration has paths of its own ({@code /{key}/fhir},
 * {@code /{key}/token}) so that the requests Kinship sent for it can be told apart.
 * Whatever a test did not stub is refused as a strict EHR would: the token endpoint
 * answers {@code invalid_grant}, the FHIR server 403.
 */
final class FakeEhr {

	/** Stubs at this priority answer only what no test stubbed. */
	private static final int REFUSALS = 10;

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final RSAKey signingKey = rsaKey("ehr-key");

	private FakeEhr() {
	}

	static FakeEhr start() {
		FakeEhr ehr = new FakeEhr();
		ehr.server.start();
		ehr.warmUp();
		return ehr;
	}

	/**
	 * Sends the server its first request without a time limit that matters. The first
	 * request to a new server loads the classes of WireMock's matching and of the JDK's
	 * HTTP client; on a loaded machine that took longer than Kinship's timeouts for its
	 * first discovery. The request is forgotten with the rest at the first
	 * {@link #reset}.
	 */
	private void warmUp() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/warm-up"))
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
		try {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void stop() {
		this.server.stop();
	}

	WireMockServer server() {
		return this.server;
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	String fhirBase(String key) {
		return baseUrl() + "/" + key + "/fhir";
	}

	String tokenPath(String key) {
		return "/" + key + "/token";
	}

	static String clientId(String key) {
		return "kinship-" + key;
	}

	void register(DynamicPropertyRegistry registry, String key, String clientAuthentication) {
		String prefix = "kinship.launch.issuers." + key + ".";
		registry.add(prefix + "display-name", () -> key + " hospital");
		registry.add(prefix + "fhir-base-url", () -> fhirBase(key));
		registry.add(prefix + "client-id", () -> clientId(key));
		registry.add(prefix + "client-authentication", () -> clientAuthentication);
	}

	/**
	 * Forgets every stub and recorded request, then serves discovery for the given
	 * registrations, the signing key, and the refusals.
	 * @param keys the registrations with the usual endpoints
	 */
	void reset(String... keys) {
		this.server.resetAll();
		for (String key : keys) {
			stubDiscovery(key, baseUrl() + "/auth", baseUrl() + tokenPath(key), baseUrl() + "/jwks");
		}
		this.server.stubFor(get("/jwks").willReturn(okJson(publicKeys())));
		this.server.stubFor(post(urlPathMatching("/.*/token")).atPriority(REFUSALS)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\"}")));
		this.server
			.stubFor(any(urlPathMatching("/.*/fhir/.*")).atPriority(REFUSALS).willReturn(aResponse().withStatus(403)));
	}

	void stubDiscovery(String key, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {
		this.server.stubFor(get("/" + key + "/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%s", "authorization_endpoint": "%s", "token_endpoint": "%s", "jwks_uri": "%s",
				 "capabilities": ["launch-ehr", "launch-standalone", "client-public", "client-confidential-symmetric",
				  "client-confidential-asymmetric", "sso-openid-connect", "context-passthrough-banner",
				  "context-passthrough-style", "permission-offline", "permission-v2"]}
				""".formatted(baseUrl(), authorizationEndpoint, tokenEndpoint, jwksUri))));
	}

	/**
	 * A token response to build up and stub.
	 * @param key the registration whose token endpoint answers
	 * @return the response, not yet stubbed
	 */
	TokenResponseStub token(String key) {
		return tokenAt(tokenPath(key));
	}

	TokenResponseStub tokenAt(String path) {
		return new TokenResponseStub(this.server, path);
	}

	/**
	 * The EHR's JWK Set, as its {@code jwks_uri} serves it.
	 * @return the public signing key as JSON
	 */
	String publicKeys() {
		return new JWKSet(this.signingKey.toPublicJWK()).toString();
	}

	/**
	 * An {@code id_token} this EHR would issue for a launch: the launch's nonce, the
	 * registration's client id, {@code Patient/123} as an absolute {@code fhirUser}.
	 * @param launch the launch
	 * @return the claims, to vary and sign
	 */
	SignedIdToken idToken(Launch launch) {
		return new SignedIdToken(baseUrl(), clientId(launch.key()), launch.nonce(),
				fhirBase(launch.key()) + "/Patient/123", "Pat Example", Instant.now().plusSeconds(300),
				this.signingKey);
	}

	/**
	 * A FHIR Patient as the EHR returns it.
	 * @param id the patient id
	 * @return the response: Walter Brooks
	 */
	static ResponseDefinitionBuilder patient(String id) {
		return aResponse().withHeader("Content-Type", "application/fhir+json").withBody("""
				{"resourceType": "Patient", "id": "%s", "name": [{"given": ["Walter"], "family": "Brooks"}]}
				""".formatted(id));
	}

	List<LoggedRequest> tokenRequests(String key) {
		return this.server.findAll(postRequestedFor(urlEqualTo(tokenPath(key))));
	}

	List<Map<String, String>> tokenForms(String key) {
		return tokenRequests(key).stream().map((request) -> form(request.getBodyAsString())).toList();
	}

	List<LoggedRequest> fhirReads(String key) {
		return this.server.findAll(getRequestedFor(urlPathMatching("/" + key + "/fhir/[A-Z].*")));
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
		}
		return form;
	}

	static RSAKey rsaKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
