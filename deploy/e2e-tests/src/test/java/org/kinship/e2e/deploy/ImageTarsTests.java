package org.kinship.e2e.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.kinship.Ports;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.ROOT;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.child;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.configuration;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.imageConfig;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.imageContainer;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.plugin;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.pom;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.ports;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.property;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.text;

/**
 * The image tars as Jib built them, read and run: built by {@code -Pimage} (which
 * {@code deploy/test} gives) in the package phase of both modules; the normal build has
 * no tars to read, and leaves this class out rather than skipping it. Running an image
 * needs root, and fails without it.
 */
class ImageTarsTests {

	/** The compose service that runs each image. */
	private static final Map<String, String> SERVICES = Map.of("portal-app", "kinship-1", "deploy/sandbox-ehr",
			"sandbox-ehr");

	private static final Map<String, ImageRoot> unpacked = new HashMap<>();

	@TempDir
	static Path images;

	/** The user, entrypoint and ports the POMs give, in each tar's configuration. */
	@Test
	void builtImagesCarryTheUserEntrypointAndPorts() throws IOException {
		Element container = child(configuration(plugin(child(child(ROOT, "build"), "pluginManagement"))), "container");
		for (String module : SERVICES.keySet()) {
			Map<String, Object> config = imageConfig(Repository.file(module + "/target/jib-image.tar"));
			assertThat(Nodes.string(config, "config", "User")).isEqualTo(text(container, "user"));
			List<Object> entrypoint = Nodes.list(config, "config", "Entrypoint");
			assertThat(entrypoint).startsWith("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
				.endsWith(text(imageContainer(pom(module + "/pom.xml")), "mainClass"));
			assertThat(Nodes.map(config, "config", "ExposedPorts").keySet()).containsExactlyInAnyOrderElementsOf(
					ports(module + "/pom.xml").stream().map((port) -> port + "/tcp").toList());
			assertThat(Nodes.list(config, "config", "Env")).contains("PATH=/opt/java/openjdk/bin:/usr/bin:/bin",
					"LANG=C.UTF-8");
			assertThat(Nodes.list(config, "history")).hasSizeGreaterThanOrEqualTo(4);
		}
	}

	/** The image's own runtime: Java 17 with the modules the POM lists, text in UTF-8. */
	@Test
	void runsJava17AsTheImageUser() throws Exception {
		for (String module : SERVICES.keySet()) {
			ImageRoot image = image(module);
			ImageRoot.Result settings = image.run(List.of("java", "-XshowSettings:properties", "-version"));
			assertThat(settings.exitCode()).as(settings.output()).isZero();
			assertThat(settings.output()).contains("java.specification.version = 17", "java.home = /opt/java/openjdk",
					"user.name = nonroot", "sun.jnu.encoding = UTF-8", "file.encoding = UTF-8");
			ImageRoot.Result modules = image.run(List.of("java", "--list-modules"));
			assertThat(modules.output().lines().map((line) -> line.replaceAll("@.*", "")))
				.containsAll(Arrays.asList(property("image.jre.modules").split(",")));
		}
	}

	/** The entrypoint's java finds and links the main class on the image's class path. */
	@Test
	void entrypointLoadsTheMainClass() throws Exception {
		for (String module : SERVICES.keySet()) {
			ImageRoot image = image(module);
			List<String> dryRun = new ArrayList<>(image.entrypoint());
			dryRun.add(1, "--dry-run");
			ImageRoot.Result result = image.run(dryRun);
			assertThat(result.exitCode()).as("%s: %s", module, result.output()).isZero();
		}
	}

	/**
	 * Compose's health checks, run in the images against a server that is ready or not.
	 */
	@Test
	void composeHealthChecksRunOnTheImagesOwnJava() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health", (exchange) -> {
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/starting") ? 503 : 200, -1);
			exchange.close();
		});
		server.start();
		try {
			String here = "http://127.0.0.1:" + server.getAddress().getPort();
			for (Map.Entry<String, String> entry : SERVICES.entrySet()) {
				List<String> check = healthCheck(entry.getValue());
				ImageRoot image = image(entry.getKey());
				ImageRoot.Result ready = image.run(check.stream().map((arg) -> redirect(arg, here, "")).toList());
				assertThat(ready.exitCode()).as("%s: %s", check, ready.output()).isZero();
				ImageRoot.Result starting = image
					.run(check.stream().map((arg) -> redirect(arg, here, "/starting")).toList());
				assertThat(starting.exitCode()).as("%s: %s", check, starting.output()).isEqualTo(1);
			}
		}
		finally {
			server.stop(0);
		}
	}

	/**
	 * Each application started from its image as compose starts it (the entrypoint, the
	 * image's user and environment; Kinship on its embedded database with the demo
	 * profile, as deploy/run starts it) turns healthy by compose's own health check.
	 */
	@Test
	void applicationsStartFromTheirImagesAndTurnHealthy() throws Exception {
		int kinshipManagement = Ports.free();
		assertStartsAndTurnsHealthy("portal-app", kinshipManagement,
				Map.of("KINSHIP_PORT", String.valueOf(Ports.free()), "KINSHIP_MANAGEMENT_PORT",
						String.valueOf(kinshipManagement), "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true",
						"SPRING_PROFILES_ACTIVE", "demo"));
		int sandbox = Ports.free();
		assertStartsAndTurnsHealthy("deploy/sandbox-ehr", sandbox, Map.of("SANDBOX_PORT", String.valueOf(sandbox)));
	}

	private static void assertStartsAndTurnsHealthy(String module, int healthPort, Map<String, String> environment)
			throws Exception {
		ImageRoot image = image(module);
		List<String> check = healthCheck(SERVICES.get(module)).stream()
			.map((arg) -> redirect(arg, "http://127.0.0.1:" + healthPort, ""))
			.toList();
		Path log = images.resolve(module.replace('/', '-') + ".log");
		Process application = image.start(image.entrypoint(), environment, log);
		try {
			// each check is a JVM's start, about a second: no pause is needed between
			// them
			long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			ImageRoot.Result result = image.run(check);
			while (result.exitCode() != 0 && application.isAlive() && System.nanoTime() < deadline) {
				result = image.run(check);
			}
			assertThat(result.exitCode()).as("%s healthy; its log:%n%s", module, tail(log)).isZero();
		}
		finally {
			ImageRoot.stop(application);
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** The command of a service's health check in compose.yaml, without its "CMD". */
	private static List<String> healthCheck(String service) {
		Map<String, Object> compose = Repository.yaml(Repository.file("deploy/compose.yaml")).get(0);
		List<Object> test = Nodes.list(compose, "services", service, "healthcheck", "test");
		assertThat(test.get(0)).isEqualTo("CMD");
		return test.subList(1, test.size()).stream().map(String::valueOf).toList();
	}

	/**
	 * A URL of 127.0.0.1 sent to the test's server instead, with a suffix on its path.
	 */
	private static String redirect(String argument, String server, String suffix) {
		return argument.startsWith("http://127.0.0.1:")
				? argument.replaceFirst("http://127\\.0\\.0\\.1:\\d+", server) + suffix : argument;
	}

	private static ImageRoot image(String module) throws Exception {
		ImageRoot image = unpacked.get(module);
		if (image == null) {
			image = ImageRoot.unpack(Repository.file(module + "/target/jib-image.tar"),
					images.resolve(module.replace('/', '-')));
			unpacked.put(module, image);
		}
		return image;
	}

}
