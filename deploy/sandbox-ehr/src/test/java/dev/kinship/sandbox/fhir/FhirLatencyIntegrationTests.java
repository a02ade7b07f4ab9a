package dev.kinship.sandbox.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code sandbox.fhir-latency} set, FHIR requests take at least that long, as across
 * a network; the rest of the sandbox answers at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=sandbox-ehr", "sandbox.fhir-latency=PT0.4S" })
class FhirLatencyIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void holdsFhirRequestsButNotTheRestOfTheSandbox() throws Exception {
		assertThat(millisFor("/fhir/metadata")).isGreaterThanOrEqualTo(400);
		assertThat(millisFor("/personas")).isLessThan(400);
	}

	private long millisFor(String path) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		http.send(request, HttpResponse.BodyHandlers.discarding());
		long start = System.nanoTime();
		HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(200);
		return (System.nanoTime() - start) / 1_000_000;
	}

}
