package org.kinship.groups;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.groups.CohortCount.How;
import org.kinship.groups.internal.CohortPreview;
import org.kinship.groups.internal.CohortPreview.Resolution;
import org.kinship.groups.internal.KnownPatients;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record-defined cohorts found with searches by code across patients, against an EHR
 * (WireMock) that pages its answers, mixes in what a careless server might return, and
 * refuses a search: faults the sandbox cannot produce. The same cohort on the sandbox's
 * Synthea patients, by search and by reads, is in the end-to-end tests.
 */
@SpringBootTest(properties = { "kinship.groups.search-page-size=2", "kinship.groups.search-max-pages=6",
		"kinship.launch.connect-timeout=PT30S", "kinship.launch.read-timeout=PT60S" })
class CohortSearchIntegrationTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static final String SNOMED = "http://snomed.info/sct";

	static {
		EHR.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.cs.";
		registry.add(prefix + "display-name", () -> "Cohort Search Health");
		registry.add(prefix + "fhir-base-url", CohortSearchIntegrationTests::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-cs");
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/Condition.rs system/MedicationRequest.rs");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	CohortPreview preview;

	@Autowired
	Cohorts cohorts;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void followsEveryPageAndKeepsOnlyKnownMembersWithAnActiveConditionOfTheCode() {
		stubToken();
		String tag = tag();
		// a code of this test's own: the stubs of the others do not answer it
		String code = "88805009";
		String a = "a-" + tag, b = "b-" + tag, c = "c-" + tag, d = "d-" + tag, away = "away-" + tag;
		for (String patient : List.of(a, b, c, d)) {
			launch(patient);
		}
		// page 1: a, and someone Kinship does not know; page 2: b, and c whose
		// condition is refuted; page 3: d with another code (a server ignoring the
		// code parameter), and b again
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("code", containing(code))
			.withQueryParam("_count", equalTo("2"))
			.willReturn(
					bundle(next(tag, 2), condition(a, code, "active", null), condition(away, code, "active", null))));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir"))
			.withQueryParam("_getpages", equalTo(tag))
			.withQueryParam("_getpagesoffset", equalTo("2"))
			.willReturn(bundle(next(tag, 4), condition(b, code, "relapse", null),
					condition(c, code, "active", "refuted"))));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir"))
			.withQueryParam("_getpages", equalTo(tag))
			.withQueryParam("_getpagesoffset", equalTo("4"))
			.willReturn(bundle(null, condition(d, "99999999", "active", null), condition(b, code, "active", null))));

		Resolution found = this.preview.resolve("cs", CodeSet.parse(code, ""), Set.of(), Audience.EVERYONE, 1000,
				Duration.ofSeconds(60));

		assertThat(patients(found.members())).containsExactlyInAnyOrder(a, b);
		assertThat(found.how()).isEqualTo(How.SEARCH);
		assertThat(found.searchRequests()).as("three pages").isEqualTo(3);
		assertThat(found.memberReads()).isZero();
		EHR.verify(0, getRequestedFor(urlPathEqualTo("/cs/fhir/Condition")).withQueryParam("patient", containing(tag)));
		EHR.verify(1,
				getRequestedFor(urlPathEqualTo("/cs/fhir/Condition")).withQueryParam("code", containing(code))
					.withQueryParam("clinical-status", containing("active"))
					.withQueryParam("_elements", containing("subject")));
	}

	@Test
	void aCohortPastTheCeilingOfPagesIsNotResolvedRatherThanCut() {
		stubToken();
		String tag = tag();
		// a code of this test's own: the stubs of the others do not answer it
		String code = "38341003";
		launch("x-" + tag);
		// every page points to another: more than the six pages allowed
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("code", containing(code))
			.willReturn(bundle(next(tag, 2), condition("x-" + tag, code, "active", null))));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir"))
			.withQueryParam("_getpages", equalTo(tag))
			.willReturn(bundle(next(tag, 2), condition("x-" + tag, code, "active", null))));

		assertThatThrownBy(
				() -> this.cohorts.matching("cs", CodeSet.parse(code, ""), Set.of(), 1000, Duration.ofSeconds(60)))
			.isInstanceOf(Cohorts.CohortUnavailable.class);
	}

	@Test
	void aRefusedSearchFallsBackToReadingEachMembersRecordAndSaysSo() {
		stubToken();
		String tag = tag();
		// a code of this test's own: the stubs of the others do not answer it
		String code = "195967001";
		String ill = "ill-" + tag, well = "well-" + tag;
		launch(ill);
		launch(well);
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("code", containing(code))
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/fhir+json")
				.withBody("{\"resourceType\": \"OperationOutcome\", \"issue\": [{\"severity\": \"error\", "
						+ "\"code\": \"forbidden\"}]}")));
		// every other member of this EHR (other tests') has nothing
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("patient", containing(""))
			.withQueryParam("code", absent())
			.atPriority(9)
			.willReturn(bundle(null)));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("patient", containing(ill))
			.withQueryParam("code", absent())
			.atPriority(1)
			.willReturn(bundle(null, condition(ill, code, "active", null))));

		Resolution found = this.preview.resolve("cs", CodeSet.parse(code, ""), Set.of(), Audience.EVERYONE, 1000,
				Duration.ofSeconds(60));

		assertThat(patients(found.members())).containsExactly(ill);
		assertThat(found.how()).isEqualTo(How.READS_SEARCH_REFUSED);
		assertThat(found.memberReads()).isGreaterThanOrEqualTo(2);
		CohortCount count = this.preview.count("cs", CodeSet.parse(code, ""), Audience.PATIENTS);
		assertThat(count.count()).hasValue(1);
		assertThat(count.how()).isEqualTo(How.READS_SEARCH_REFUSED);
		assertThat(count.how().readOneByOne()).isTrue();
	}

	@Test
	void aMedicationCriterionIsSearchedForToo() {
		stubToken();
		String tag = tag();
		// a code of this test's own: the stubs of the others do not answer it
		String code = "44054006";
		String rxnorm = String.valueOf(Math.abs(tag.hashCode()) % 90_000 + 10_000);
		String both = "both-" + tag, conditionOnly = "cond-" + tag;
		launch(both);
		launch(conditionOnly);
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/Condition"))
			.withQueryParam("code", containing(code))
			.willReturn(bundle(null, condition(both, code, "active", null),
					condition(conditionOnly, code, "active", null))));
		EHR.stubFor(WireMock.get(urlPathEqualTo("/cs/fhir/MedicationRequest"))
			.withQueryParam("code", containing(rxnorm))
			.withQueryParam("status", equalTo("active"))
			.willReturn(bundle(null,
					"{\"resourceType\": \"MedicationRequest\", \"status\": \"active\", "
							+ "\"intent\": \"order\", \"subject\": {\"reference\": \"Patient/" + both + "\"}, "
							+ "\"medicationCodeableConcept\": {\"coding\": [{\"system\": "
							+ "\"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"" + rxnorm + "\"}]}}")));

		List<Cohorts.CohortMember> members = this.cohorts.matching("cs", CodeSet.parse(code, ""), Set.of(rxnorm), 1000,
				Duration.ofSeconds(60));

		assertThat(members).extracting(Cohorts.CohortMember::fhirUser).containsExactly("Patient/" + both);
	}

	private static Set<String> patients(List<KnownPatients.Known> members) {
		return members.stream().map(KnownPatients.Known::patientId).collect(Collectors.toSet());
	}

	private void launch(String patientId) {
		this.events
			.publishEvent(new MemberLaunched("cs", fhirBase(), "Patient/" + patientId, KinshipRole.PATIENT, patientId));
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String next(String tag, int offset) {
		return EHR.baseUrl() + "/cs/fhir?_getpages=" + tag + "&_getpagesoffset=" + offset + "&_count=2";
	}

	private static String condition(String patient, String code, String clinical, String verification) {
		String verified = (verification != null) ? ", \"verificationStatus\": {\"coding\": [{\"system\": "
				+ "\"http://terminology.hl7.org/CodeSystem/condition-ver-status\", \"code\": \"" + verification
				+ "\"}]}" : "";
		return "{\"resourceType\": \"Condition\", \"subject\": {\"reference\": \"Patient/" + patient + "\"}, "
				+ "\"clinicalStatus\": {\"coding\": [{\"system\": "
				+ "\"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"" + clinical + "\"}]}"
				+ verified + ", \"code\": {\"coding\": [{\"system\": \"" + SNOMED + "\", \"code\": \"" + code
				+ "\"}]}}";
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder bundle(String next,
			String... resources) {
		StringBuilder json = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"searchset\"");
		if (next != null) {
			json.append(", \"link\": [{\"relation\": \"next\", \"url\": \"").append(next).append("\"}]");
		}
		json.append(", \"entry\": [");
		for (int i = 0; i < resources.length; i++) {
			json.append(i > 0 ? ", " : "").append("{\"resource\": ").append(resources[i]).append("}");
		}
		json.append("]}");
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/fhir+json")
			.withBody(json.toString());
	}

	private static void stubToken() {
		EHR.stubFor(WireMock.get("/cs/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/cs/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl()))));
		EHR.stubFor(post("/cs/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/Condition.rs system/MedicationRequest.rs"}
				""")));
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/cs/fhir";
	}

}
