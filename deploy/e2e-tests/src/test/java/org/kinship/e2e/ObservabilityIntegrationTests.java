package org.kinship.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus scrapes from Kinship's management port after members chat over a real
 * STOMP client, and the Grafana dashboard in {@code deploy/grafana} against it: every
 * metric a panel queries is one Kinship serves.
 */
class ObservabilityIntegrationTests {

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final Pattern METRIC = Pattern.compile("kinship_[a-z_]+");

	private static final String EPILEPSY = "epilepsy-circle";

	private final RunningKinship system = RunningKinship.get();

	private final List<StompMember> online = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.online.forEach(StompMember::close);
		this.system.clock().release();
	}

	@Test
	void aMessageSentOverStompShowsInKinshipsMetrics() throws Exception {
		this.system.passChatRateWindow();
		LaunchedPerson first = member("Louis Maggio", "Lou");
		long groupId = groupId(first);
		StompMember reader = online(first);
		StompMember sender = online(member("Adalberto Hartmann", "Bert"));
		BlockingQueue<Map<String, Object>> readerSees = reader.follow(groupId);
		List<Sample> before = scrape();

		Map<String, Object> reply = sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "Counting on you");
		assertThat(reply.get("outcome")).isEqualTo("STORED");
		assertThat(readerSees.poll(StompMember.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();

		List<Sample> after = awaitScrape((samples) -> sum(samples, "kinship_messages_delivery_seconds_count",
				"") > sum(before, "kinship_messages_delivery_seconds_count", ""));
		assertThat(sum(after, "kinship_messages_stored_total", "status=\"visible\""))
			.isGreaterThan(sum(before, "kinship_messages_stored_total", "status=\"visible\""));
		assertThat(sum(after, "kinship_messages_delivered_total", ""))
			.isGreaterThan(sum(before, "kinship_messages_delivered_total", ""));
		assertThat(sum(after, "kinship_screening_seconds_count", ""))
			.isGreaterThan(sum(before, "kinship_screening_seconds_count", ""));
		assertThat(sum(after, "kinship_sockets_open", "")).isGreaterThanOrEqualTo(2);
		// delivered well within the minute, on this machine
		assertThat(sum(after, "kinship_messages_delivery_seconds_max", "")).isBetween(0.0, 60.0);
		assertThat(sum(after, "kinship_screening_seconds_max", "")).isBetween(0.0, 10.0);
		// the launches and the group pages read the members' records from the sandbox
		assertThat(sum(after, "kinship_fhir_calls_seconds_count", "issuer=\"sandbox\"")).isPositive();
		assertThat(sum(after, "kinship_fhir_errors_total", "issuer=\"sandbox\"")).isGreaterThanOrEqualTo(0);
		assertThat(sum(after, "kinship_escalations_open", "")).isGreaterThanOrEqualTo(0);
	}

	@Test
	void everyMetricTheDashboardQueriesIsScraped() throws Exception {
		// a launch, so that the FHIR calls' timers exist
		member("Louis Maggio", "Lou");
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(dashboardFile()));
		Set<String> queried = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				Matcher names = METRIC.matcher(target.path("expr").asString());
				while (names.find()) {
					queried.add(names.group());
				}
			}
		}

		Set<String> scraped = new TreeSet<>();
		scrape().forEach((sample) -> scraped.add(sample.name()));
		assertThat(queried).hasSizeGreaterThanOrEqualTo(10);
		assertThat(scraped).containsAll(queried);
	}

	private List<Sample> awaitScrape(java.util.function.Predicate<List<Sample>> wanted) throws Exception {
		long deadline = System.nanoTime() + StompMember.PATIENCE.toNanos();
		List<Sample> samples = scrape();
		while (!wanted.test(samples) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			samples = scrape();
		}
		return samples;
	}

	private List<Sample> scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.system.managementUrl() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<Sample> samples = new ArrayList<>();
		for (String line : response.body().lines().toList()) {
			if (!line.isBlank() && !line.startsWith("#")) {
				int labels = line.indexOf('{');
				int value = line.lastIndexOf(' ');
				String name = line.substring(0, (labels >= 0 && labels < value) ? labels : value);
				String labelText = (labels >= 0 && labels < value) ? line.substring(labels, value) : "";
				samples.add(new Sample(name, labelText, Double.parseDouble(line.substring(value + 1))));
			}
		}
		return samples;
	}

	private static double sum(List<Sample> samples, String name, String label) {
		return samples.stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().contains(label))
			.mapToDouble(Sample::value)
			.sum();
	}

	private StompMember online(LaunchedPerson person) throws Exception {
		StompMember member = StompMember.connect(this.system, person);
		this.online.add(member);
		return member;
	}

	private LaunchedPerson member(String name, String displayName) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, name));
		String page = person.get("/groups/" + EPILEPSY).body();
		if (!page.contains("You are a member as")) {
			var joined = person.submit("/groups/" + EPILEPSY + "/join", "join-form", List.of("displayName",
					displayName + "-" + UUID.randomUUID().toString().substring(0, 8), "acceptGuidelines", "true"));
			assertThat(joined.statusCode()).as("joined " + EPILEPSY).isEqualTo(302);
		}
		return person;
	}

	private static long groupId(LaunchedPerson person) throws Exception {
		Matcher matcher = GROUP_ID.matcher(person.get("/groups/" + EPILEPSY).body());
		assertThat(matcher.find()).as("the chat on the group page").isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** The dashboard, found by walking up from the module folder Maven runs in. */
	private static Path dashboardFile() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("deploy/grafana/kinship-dashboard.json"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("deploy/grafana/kinship-dashboard.json above the module").isNotNull();
		return dir.resolve("deploy/grafana/kinship-dashboard.json");
	}

	/**
	 * One line of the scrape.
	 *
	 * @param name the sample's name
	 * @param labels its labels as written, braces included
	 * @param value its value
	 */
	private record Sample(String name, String labels, double value) {
	}

}
