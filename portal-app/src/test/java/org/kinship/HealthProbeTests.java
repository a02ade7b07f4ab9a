package org.kinship;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The image's health check against a server that is ready, one that is not, and none. */
class HealthProbeTests {

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/actuator/health/readiness", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.createContext("/starting", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void passesWhenTheNodeIsReady() {
		assertThat(HealthProbe.check(url("/actuator/health/readiness"))).isZero();
	}

	@Test
	void failsWhenTheNodeIsNotReady() {
		assertThat(HealthProbe.check(url("/starting"))).isEqualTo(1);
	}

	@Test
	void failsWhenNothingListens() {
		URI url = url("/actuator/health/readiness");
		this.server.stop(0);
		assertThat(HealthProbe.check(url)).isEqualTo(1);
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

}
