package org.kinship.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.kinship.sandbox.SandboxEhrApplication;
import org.kinship.Ports;
import org.kinship.KinshipApplication;
import org.kinship.chat.internal.ChatProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kinship and the sandbox EHR, started once per test JVM on free ports, each with its own
 * configuration, as the run command starts them: Kinship on its embedded default.
 */
final class RunningKinship {

	/** Ten-second access tokens: every test that waits a little sees refreshes. */
	static final int ACCESS_TOKEN_SECONDS = 10;

	private static RunningKinship running;

	private ConfigurableApplicationContext kinship;

	private ConfigurableApplicationContext sandbox;

	private final int sandboxPort;

	private final int kinshipPort;

	private final MovableClock clock = new MovableClock();

	private RunningKinship(int sandboxPort, int kinshipPort) {
		this.sandboxPort = sandboxPort;
		this.kinshipPort = kinshipPort;
	}

	static synchronized RunningKinship get() {
		if (running == null) {
			running = start();
		}
		return running;
	}

	String sandboxUrl() {
		return "http://localhost:" + this.sandboxPort;
	}

	/**
	 * The sandbox as its portal page is served: under 127.0.0.1, which browsers take for
	 * another site than Kinship's localhost, as a hospital's portal is.
	 * @return the origin
	 */
	String portalOrigin() {
		return "http://127.0.0.1:" + this.sandboxPort;
	}

	String kinshipUrl() {
		return "http://localhost:" + this.kinshipPort;
	}

	/**
	 * Kinship's Actuator, on its management port (random here).
	 * @return the origin
	 */
	String managementUrl() {
		return "http://localhost:" + this.kinship.getEnvironment().getProperty("local.management.port");
	}

	private static RunningKinship start() {
		int sandboxPort = Ports.free();
		int kinshipPort = Ports.free();
		RunningKinship system = new RunningKinship(sandboxPort, kinshipPort);
		// command-line arguments, since they outrank each application's own configuration
		// file
		ConfigurableApplicationContext sandbox = SandboxEhrApplication.builder()
			.run("--server.port=" + sandboxPort, "--KINSHIP_BASE_URL=http://localhost:" + kinshipPort,
					"--sandbox.access-token-ttl=PT" + ACCESS_TOKEN_SECONDS + "S",
					"--sandbox.import-paths=" + syntheaSamples());
		java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=" + kinshipPort,
				"--management.server.port=0", "--spring.profiles.active=demo",
				"--kinship.launch.issuers.sandbox.fhir-base-url=http://localhost:" + sandboxPort + "/fhir",
				// the sandbox's portal page, under 127.0.0.1: another site than
				// Kinship's localhost
				"--kinship.launch.issuers.sandbox.frame-ancestors=" + system.portalOrigin(),
				"--kinship.broadcast.write-back-issuers=sandbox",
				"--kinship.notifications.message-centre-issuers=sandbox",
				"--spring.datasource.url=jdbc:h2:mem:e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				// members of the chat tests are new in every run: the moderation
				// tests
				// turn
				// the review of first posts on for their own groups
				"--kinship.moderation.new-member-posts=0",
				// a second EHR, slow for some searches, with the demo groups; a
				// search
				// it holds for a test is waited for, and so is the panel behind
				// it
				"--kinship.groups.demo-issuers=sandbox," + SlowEhr.KEY, "--kinship.launch.read-timeout=PT200S",
				"--kinship.careplan.panel-timeout=PT200S"));
		arguments.addAll(SlowEhr.get().kinshipArguments());
		// Kinship's rules about time read this clock, so tests move time instead of
		// waiting for it
		ConfigurableApplicationContext kinship = new SpringApplicationBuilder(KinshipApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", system.clock))
			.run(arguments.toArray(String[]::new));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			kinship.close();
			sandbox.close();
		}));
		system.kinship = kinship;
		system.sandbox = sandbox;
		return system;
	}

	/**
	 * Kinship's clock.
	 * @return the clock that chat's rate limit and slow mode and live sessions read
	 */
	MovableClock clock() {
		return this.clock;
	}

	/**
	 * Moves Kinship's clock past chat's rate-limit window: the tests share the sandbox's
	 * people, and no message an earlier test sent as one of them may count against this
	 * test, however fast the tests run.
	 */
	void passChatRateWindow() {
		this.clock.advance(kinshipBean(ChatProperties.class).rateLimitWindow());
	}

	/**
	 * Publishes an event in Kinship inside a transaction of its own, as the code that
	 * makes work due does: the Event Publication Registry keeps it, and its module's
	 * listeners run after the commit.
	 * @param event the event
	 */
	void publishInTransaction(Object event) {
		kinshipBean(TransactionTemplate.class).executeWithoutResult((status) -> this.kinship.publishEvent(event));
	}

	<T> T kinshipBean(Class<T> type) {
		return this.kinship.getBean(type);
	}

	<T> T sandboxBean(Class<T> type) {
		return this.sandbox.getBean(type);
	}

	/**
	 * The synthetic patients of {@code shared/fhir-samples/synthea}, found beside the
	 * project root by walking up from the module folder Maven runs the tests in.
	 */
	static Path syntheaSamples() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("shared/fhir-samples/synthea"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No shared/fhir-samples/synthea above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve("shared/fhir-samples/synthea");
	}

}
