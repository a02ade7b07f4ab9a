package org.kinship.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's probes and Prometheus see: Actuator on its own port, the liveness
 * and readiness groups, each registered EHR as an indicator of its own that does not take
 * readiness down with it, metrics nowhere but on the management port, and the correlation
 * id of every response.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementEndpointsIntegrationTests {

	/** An EHR whose discovery answers 503. */
	static final WireMockServer FAILING = new WireMockServer(options().dynamicPort());

	static {
		FAILING.start();
		FAILING.stubFor(WireMock.get(urlEqualTo("/fhir/.well-known/smart-configuration"))
			.willReturn(aResponse().withStatus(503)));
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void ehrsThatAreDown(DynamicPropertyRegistry registry) {
		register(registry, "failing", "http://localhost:" + FAILING.port() + "/fhir");
		register(registry, "offline", "http://localhost:" + closedPort() + "/fhir");
	}

	@AfterAll
	static void stop() {
		FAILING.stop();
	}

	@Test
	void livenessAndReadinessAnswerUpOnBothPorts() throws Exception {
		HttpResponse<String> liveness = fetch(this.managementPort, "/actuator/health/liveness");
		HttpResponse<String> readiness = fetch(this.managementPort, "/actuator/health/readiness");

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(json(liveness).path("status").asString()).isEqualTo("UP");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json(readiness).path("status").asString()).isEqualTo("UP");
		assertThat(json(readiness).path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(fetch(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(fetch(this.port, "/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void anEhrThatIsDownShowsDownWhileKinshipStaysReady() throws Exception {
		JsonNode issuers = json(fetch(this.managementPort, "/actuator/health")).path("components").path("fhirIssuers");

		assertThat(issuers.path("components").path("failing").path("status").asString()).isEqualTo("DOWN");
		assertThat(issuers.path("components").path("failing").path("details").path("status").asInt()).isEqualTo(503);
		assertThat(issuers.path("components").path("offline").path("status").asString()).isEqualTo("DOWN");
		assertThat(issuers.path("components").path("offline").path("details").path("error").asString())
			.isEqualTo("ConnectException");
		HttpResponse<String> readiness = fetch(this.managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json(readiness).path("status").asString()).isEqualTo("UP");
		assertThat(json(readiness).path("components").has("fhirIssuers")).isFalse();
	}

	@Test
	void metricsAreServedOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> scrape = fetch(this.managementPort, "/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("kinship_sockets_open", "kinship_screening_seconds",
				"kinship_escalations_open", "kinship_escalations_oldest_age_seconds", "kinship_messages_stored_total",
				"kinship_messages_delivered_total", "kinship_broadcast_acknowledgements_total");
		assertThat(fetch(this.port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
		assertThat(fetch(this.port, "/actuator/prometheus").body()).doesNotContain("kinship_");
	}

	@Test
	void everyResponseCarriesACorrelationIdAndOnlyASafeOneIsTakenFromTheCaller() throws Exception {
		HttpResponse<String> kept = send(this.port, "/launch/choose", "proxy-id-0123456789");
		HttpResponse<String> replaced = send(this.port, "/launch/choose", "not safe: <script>");

		assertThat(kept.headers().firstValue("X-Correlation-Id")).hasValue("proxy-id-0123456789");
		assertThat(replaced.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
				(id) -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
	}

	private static void register(DynamicPropertyRegistry registry, String key, String fhirBaseUrl) {
		String prefix = "kinship.launch.issuers." + key + ".";
		registry.add(prefix + "display-name", () -> key + " hospital");
		registry.add(prefix + "fhir-base-url", () -> fhirBaseUrl);
		registry.add(prefix + "client-id", () -> "kinship");
		registry.add(prefix + "client-authentication", () -> "none");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> fetch(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> send(int port, String path, String correlationId) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Correlation-Id", correlationId)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
