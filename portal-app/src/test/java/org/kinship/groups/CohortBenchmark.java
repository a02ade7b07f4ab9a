package org.kinship.groups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.groups.CohortCount.How;
import org.kinship.groups.internal.CohortPreview;
import org.kinship.groups.internal.CohortPreview.Resolution;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohort benchmark ({@code deploy/bench/cohort}), not a test: its name matches no
 * test pattern, so it runs only when named ({@code -Dtest=CohortBenchmark}). A large
 * cohort of known members is seeded as {@code kinship_patient} rows, as first launches
 * would store them, in this JVM's own database; a WireMock EHR answers the search by code
 * with pages of the cohort's patients (and people Kinship does not know), and each
 * member's own read with their condition, after {@code bench.latency-ms} as across a
 * network. The search path resolves the whole cohort; the per-member path reads a sample
 * of members, and its figure for the whole cohort is extrapolated from the sample. The
 * figures go to {@code bench.out} as one line of JSON.
 */
@SpringBootTest(properties = { "kinship.launch.connect-timeout=PT30S", "kinship.launch.read-timeout=PT60S" })
class CohortBenchmark {

	static final int MEMBERS = Integer.getInteger("bench.members", 100_000);

	static final int STRANGERS = Integer.getInteger("bench.strangers", MEMBERS / 4);

	static final int SAMPLE = Integer.getInteger("bench.sample", 2_000);

	static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 0);

	static final int EHR_MAX_PAGE = Integer.getInteger("bench.ehr-max-page", 1_000);

	static final String HEART_FAILURE = "88805009";

	static final WireMockServer EHR = new WireMockServer(
			options().dynamicPort().disableRequestJournal().containerThreads(32).extensions(new Ehr()));

	static {
		EHR.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.bench.";
		registry.add(prefix + "display-name", () -> "Cohort Benchmark Health");
		registry.add(prefix + "fhir-base-url", CohortBenchmark::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-bench");
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/Condition.rs");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	CohortPreview preview;

	@Autowired
	DataSource dataSource;

	@Test
	void resolveALargeCohort() throws Exception {
		stubEhr();
		long seedMs = seed();
		CodeSet codes = CodeSet.parse(HEART_FAILURE, "");
		Duration timeout = Duration.ofMinutes(30);
		// unmeasured: the token, the connections and the code paths are warm
		this.preview.resolve("bench", codes, Set.of(), Audience.EVERYONE, MEMBERS, timeout);
		this.preview.resolveByReads("bench", codes, Set.of(), Audience.EVERYONE, Math.min(200, SAMPLE), timeout);

		long start = System.nanoTime();
		Resolution bySearch = this.preview.resolve("bench", codes, Set.of(), Audience.EVERYONE, MEMBERS, timeout);
		long searchMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(bySearch.how()).isEqualTo(How.SEARCH);
		assertThat(bySearch.members()).as("the whole cohort, no stranger").hasSize(MEMBERS);

		start = System.nanoTime();
		Resolution byReads = this.preview.resolveByReads("bench", codes, Set.of(), Audience.EVERYONE, SAMPLE, timeout);
		long sampleMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(byReads.members()).hasSize(SAMPLE);
		long readsMs = Math.round(sampleMs * (double) MEMBERS / SAMPLE);

		String json = String.format(Locale.ROOT,
				"{\"members\":%d,\"strangers\":%d,\"page_size\":%d,\"latency_ms\":%d,\"seed_ms\":%d,"
						+ "\"search_ms\":%d,\"search_requests\":%d,\"reads_sample\":%d,\"reads_sample_ms\":%d,"
						+ "\"reads_ms_estimated\":%d,\"reads_requests\":%d,\"speedup\":%.1f}",
				MEMBERS, STRANGERS, Integer.getInteger("kinship.groups.search-page-size", 1000), LATENCY_MS, seedMs,
				searchMs, bySearch.searchRequests(), SAMPLE, sampleMs, readsMs, MEMBERS,
				(double) readsMs / Math.max(1, searchMs));
		System.out.println("cohort benchmark: " + json);
		String out = System.getProperty("bench.out");
		if (out != null) {
			Files.writeString(Path.of(out), json + "\n");
		}
	}

	/** The cohort's members, as their first launches would have stored them. */
	private long seed() throws Exception {
		long start = System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO kinship_patient (issuer, patient_id, fhir_user, last_launch) VALUES (?, ?, ?, ?)")) {
				for (int index = 0; index < MEMBERS; index++) {
					insert.setString(1, fhirBase());
					insert.setString(2, member(index));
					insert.setString(3, "Patient/" + member(index));
					insert.setTimestamp(4, now);
					insert.addBatch();
					if ((index + 1) % 1000 == 0 || index == MEMBERS - 1) {
						insert.executeBatch();
					}
				}
			}
			connection.commit();
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	static String member(int index) {
		return String.format(Locale.ROOT, "bench-cohort-%06d", index);
	}

	/**
	 * The patient at a position of the EHR's answer: the members, with a stranger after
	 * every fourth until the strangers are all placed.
	 */
	static String patientAt(int position) {
		int strangersBefore = Math.min(STRANGERS, position / 5);
		if (position % 5 == 4 && position / 5 < STRANGERS) {
			return String.format(Locale.ROOT, "bench-other-%06d", position / 5);
		}
		return member(position - strangersBefore);
	}

	private static void stubEhr() {
		EHR.stubFor(WireMock.get("/bench/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/bench/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl()))));
		EHR.stubFor(post("/bench/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/Condition.rs"}
				""")));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/bench/fhir/Condition"))
			.withQueryParam("code", containing(HEART_FAILURE))
			.willReturn(aResponse().withTransformers(Ehr.NAME)));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/bench/fhir"))
			.withQueryParam("_getpages", containing("cohort"))
			.willReturn(aResponse().withTransformers(Ehr.NAME)));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/bench/fhir/Condition"))
			.withQueryParam("patient", containing("bench-"))
			.willReturn(aResponse().withTransformers(Ehr.NAME)));
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/bench/fhir";
	}

	private static String condition(String patient) {
		return "{\"resource\": {\"resourceType\": \"Condition\", \"subject\": {\"reference\": \"Patient/" + patient
				+ "\"}, \"clinicalStatus\": {\"coding\": [{\"system\": "
				+ "\"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]}, "
				+ "\"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"" + HEART_FAILURE
				+ "\"}]}}}";
	}

	/**
	 * The EHR's answers, made per request: a page of the cohort search at an offset with
	 * a {@code next} link while more remain, or one member's record.
	 */
	static final class Ehr implements ResponseDefinitionTransformerV2 {

		static final String NAME = "cohort-ehr";

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Request request = event.getRequest();
			StringBuilder json = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"searchset\"");
			QueryParameter patient = request.queryParameter("patient");
			if (patient.isPresent()) {
				String id = patient.firstValue().replace("Patient/", "");
				json.append(", \"entry\": [").append(id.startsWith("bench-cohort-") ? condition(id) : "").append("]}");
				return answer(json);
			}
			int total = MEMBERS + STRANGERS;
			int offset = intParameter(request, "_getpagesoffset", 0);
			int count = Math.min(EHR_MAX_PAGE, intParameter(request, "_count", 50));
			int end = Math.min(total, offset + count);
			json.append(", \"total\": ").append(total);
			if (end < total) {
				json.append(", \"link\": [{\"relation\": \"next\", \"url\": \"")
					.append(fhirBase())
					.append("?_getpages=cohort&_getpagesoffset=")
					.append(end)
					.append("&_count=")
					.append(count)
					.append("\"}]");
			}
			json.append(", \"entry\": [");
			for (int position = offset; position < end; position++) {
				json.append((position > offset) ? ", " : "").append(condition(patientAt(position)));
			}
			json.append("]}");
			return answer(json);
		}

		private static ResponseDefinition answer(StringBuilder json) {
			ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/fhir+json")
				.withBody(json.toString());
			if (LATENCY_MS > 0) {
				answer.withFixedDelay(LATENCY_MS);
			}
			return answer.build();
		}

		private static int intParameter(Request request, String name, int otherwise) {
			QueryParameter parameter = request.queryParameter(name);
			return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : otherwise;
		}

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

	}

}
