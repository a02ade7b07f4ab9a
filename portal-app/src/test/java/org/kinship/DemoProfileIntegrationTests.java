package org.kinship;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.kinship.launch.IssuerRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kinship as a hospital runs it and as the demo runs it. Outside the demo profile the
 * sandbox is not an issuer, no demo group is made, and Kinship refuses to start without
 * its client key; with the demo profile (which every other test of this jar runs under)
 * the sandbox is offered on "choose your health system" with its brand.
 */
class DemoProfileIntegrationTests {

	@Test
	void refusesToStartWithoutAClientKeyOutsideTheDemo() {
		assertThatThrownBy(() -> start("hospital").close()).rootCause()
			.hasMessageContaining("KINSHIP_CLIENT_KEY")
			.hasMessageContaining("demo profile");
	}

	@Test
	void registersNoSandboxOutsideTheDemo() throws Exception {
		try (ConfigurableApplicationContext kinship = start("hospital", "--kinship.launch.client-key=" + clientKey())) {
			assertThat(kinship.getBean(IssuerRegistry.class).all()).isEmpty();
			assertThat(page(kinship, "/launch/choose")).contains("No health system has been set up yet.")
				.doesNotContain("Sandbox");
		}
	}

	@Test
	void theDemoOffersTheSandboxWithItsBrand() throws Exception {
		try (ConfigurableApplicationContext kinship = start("demo")) {
			assertThat(kinship.getBean(IssuerRegistry.class).findByKey("sandbox")).isPresent();
			String choose = page(kinship, "/launch/choose");
			assertThat(choose).contains("alt=\"Logo of Kinship Sandbox Health\"")
				.contains("src=\"/brands/sandbox-health.svg\"")
				.contains("Patient portal: Sandbox MyHealth")
				.contains("href=\"/launch/standalone?issuer=sandbox\">Kinship Sandbox Health</a>");
			assertThat(page(kinship, "/brands/sandbox-health.svg")).startsWith("<svg");
		}
	}

	private static ConfigurableApplicationContext start(String profile, String... more) {
		String[] arguments = new String[more.length + 3];
		arguments[0] = "--spring.profiles.active=" + profile;
		arguments[1] = "--server.port=0";
		arguments[2] = "--spring.datasource.url=jdbc:h2:mem:profile-" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
		System.arraycopy(more, 0, arguments, 3, more.length);
		return new SpringApplicationBuilder(KinshipApplication.class).run(arguments);
	}

	private static String page(ConfigurableApplicationContext kinship, String path) throws Exception {
		int port = ((WebServerApplicationContext) kinship).getWebServer().getPort();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static String clientKey() throws Exception {
		return new RSAKeyGenerator(2048).keyID("hospital-2025")
			.algorithm(JWSAlgorithm.RS384)
			.keyUse(KeyUse.SIGNATURE)
			.generate()
			.toJSONString();
	}

}
