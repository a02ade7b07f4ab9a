package dev.kinship.sandbox.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backend services: {@code client_credentials} with a {@code private_key_jwt} assertion
 * and {@code system/} scopes, no refresh token. The client's keys are published at a URL,
 * here a small server of the test's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox-ehr")
class BackendServicesIntegrationTests {

	static final String CLIENT = "kinship-backend";

	static final RSAKey CLIENT_KEY = generate("backend-key-1");

	static final RSAKey STRANGER_KEY = generate("backend-key-1");

	static final HttpServer JWKS = publish(CLIENT_KEY);

	@LocalServerPort
	int port;

	final SmartTestClient client = new SmartTestClient();

	@DynamicPropertySource
	static void backendClient(DynamicPropertyRegistry registry) {
		registry.add("sandbox.clients[0].client-id", () -> CLIENT);
		registry.add("sandbox.clients[0].authentication", () -> "private_key_jwt");
		registry.add("sandbox.clients[0].backend-services", () -> "true");
		registry.add("sandbox.clients[0].jwk-set-url",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
	}

	@AfterAll
	static void stopJwks() {
		JWKS.stop(0);
	}

	@Test
	void issuesASystemTokenForAValidAssertionAndNoRefreshToken() throws Exception {
		HttpResponse<String> response = requestToken(assertion(CLIENT_KEY, tokenUrl(), 240), "system/Condition.rs");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode token = SmartTestClient.json(response);
		assertThat(token.get("scope").asString()).isEqualTo("system/Condition.rs");
		assertThat(token.has("refresh_token")).isFalse();
		assertThat(SignedJWT.parse(token.get("access_token").asString()).getJWTClaimsSet().getClaim("patient"))
			.isNull();
	}

	@Test
	void refusesAnAssertionSignedWithAnotherKey() {
		HttpResponse<String> response = requestToken(assertion(STRANGER_KEY, tokenUrl(), 240), "system/Condition.rs");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(SmartTestClient.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnAssertionForAnotherAudience() {
		HttpResponse<String> response = requestToken(assertion(CLIENT_KEY, "https://elsewhere.example/token", 240),
				"system/Condition.rs");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAnExpiredAssertion() {
		HttpResponse<String> response = requestToken(assertion(CLIENT_KEY, tokenUrl(), -120), "system/Condition.rs");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesPatientScopesForBackendServices() {
		HttpResponse<String> response = requestToken(assertion(CLIENT_KEY, tokenUrl(), 240), "patient/Condition.rs");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SmartTestClient.json(response).get("error").asString()).isEqualTo("invalid_scope");
	}

	private HttpResponse<String> requestToken(String assertion, String scope) {
		return this.client
			.postForm(tokenUrl(),
					Map.of("grant_type", "client_credentials", "scope", scope, "client_assertion_type",
							"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion),
					null);
	}

	private String tokenUrl() {
		return "http://localhost:" + this.port + "/oauth2/token";
	}

	private static String assertion(RSAKey key, String audience, int expiresInSeconds) {
		try {
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(CLIENT)
				.subject(CLIENT)
				.audience(audience)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)))
				.build();
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS384).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer publish(RSAKey key) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
