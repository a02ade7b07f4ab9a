package org.kinship.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs as a log pipeline reads them when {@code KINSHIP_LOG_FORMAT=ecs}: one JSON object
 * per line in the Elastic Common Schema, carrying the request's correlation id. The
 * tests' own Logback configuration (the log scan's) stays in place; the console lines are
 * written here with the encoder Spring Boot uses for
 * {@code logging.structured.format.console}, in the format Kinship's setting chose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "KINSHIP_LOG_FORMAT=ecs")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	@Test
	void theSettingTurnsOnEcsFormat() {
		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
	}

	@Test
	void writesJsonLinesWithTheRequestsCorrelationId(CapturedOutput output) throws Exception {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(this.environment.getProperty("logging.structured.format.console"));
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setEncoder(encoder);
		console.start();
		Logger dispatcher = context.getLogger(DispatcherServlet.class);
		Level level = dispatcher.getLevel();
		dispatcher.setLevel(Level.DEBUG);
		dispatcher.addAppender(console);
		try {
			HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/launch/choose"))
					.header("X-Correlation-Id", "ecs-test-0123456789")
					.build(), HttpResponse.BodyHandlers.discarding());
		}
		finally {
			dispatcher.detachAppender(console);
			dispatcher.setLevel(level);
			console.stop();
		}

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.filter((line) -> "ecs-test-0123456789".equals(line.path("correlation_id").asString(null)))
			.toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.path("@timestamp").isMissingNode()).isFalse();
			assertThat(line.path("log").path("level").asString()).isEqualTo("DEBUG");
			assertThat(line.path("ecs").path("version").isMissingNode()).isFalse();
			assertThat(line.path("message").asString()).isNotEmpty();
		});
	}

}
