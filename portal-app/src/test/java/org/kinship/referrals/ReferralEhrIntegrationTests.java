package org.kinship.referrals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.StaffedGroups;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A referral written to an EHR (WireMock) that fails or refuses, on the real MariaDB: the
 * clinician never waits on the EHR; a server error is tried again in the background
 * through the Event Publication Registry until the EHR takes it, the ServiceRequest and
 * its Task then held once, even when the EHR's answer to a create was lost (each is a
 * conditional create on the referral's identifier); a refusal is final, the referral kept
 * in Kinship. The clinician's list says where each referral stands with the EHR, in
 * English and Spanish.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralEhrIntegrationTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	private static final String KEY = "rw";

	static {
		EHR.start();
		EHR.stubFor(WireMock.get("/" + KEY + "/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/%2$s/token",
				 "jwks_uri": "%1$s/jwks", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
				""".formatted(EHR.baseUrl(), KEY))));
		EHR.stubFor(post("/" + KEY + "/token").willReturn(okJson("""
				{"access_token": "backend-token", "token_type": "Bearer", "expires_in": 3600,
				 "scope": "system/ServiceRequest.c system/Task.c"}
				""")));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers." + KEY + ".";
		registry.add(prefix + "display-name", () -> "Referral Write Health");
		registry.add(prefix + "fhir-base-url", ReferralEhrIntegrationTests::fhirBase);
		registry.add(prefix + "client-id", () -> "kinship-" + KEY);
		registry.add(prefix + "client-authentication", () -> "client_secret_basic");
		registry.add(prefix + "client-secret", () -> "s3cret");
		registry.add(prefix + "backend-client-id", () -> "kinship-backend");
		registry.add(prefix + "backend-scopes", () -> "system/ServiceRequest.c system/Task.c");
		registry.add("kinship.referrals.ehr-issuers", () -> KEY);
		registry.add("kinship.referrals.ehr-attempts", () -> "2");
		registry.add("kinship.referrals.ehr-backoff", () -> "PT0.1S");
		registry.add("kinship.referrals.ehr-retry-after", () -> "PT2S");
		// generous: the test is about the flow, not a busy machine's timeouts
		registry.add("kinship.launch.connect-timeout", () -> "PT30S");
		registry.add("kinship.launch.read-timeout", () -> "PT60S");
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Autowired
	Referrals referrals;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FhirContext fhir;

	@Autowired
	MockMvc mvc;

	private final String doctor = "Practitioner/dr-" + UUID.randomUUID();

	@Test
	void anEhrThatFailsKeepsTheReferralWaitingAndHoldsItOnceWhenBack() throws Exception {
		String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
		EHR.stubFor(serviceRequestFor(patient).willReturn(aResponse().withStatus(503)));
		KinshipPrincipal clinician = clinician(patient);

		Referral referral = this.referrals.refer(clinician, new ReferralForm(group().id(), null, "See you there."));
		assertThat(referral.ehr()).as("committed before the EHR is asked").isEqualTo(EhrRecord.PENDING);

		Referral waiting = settled(clinician, EhrRecord.RETRYING);
		assertThat(waiting.ehrProblem()).isEqualTo("HTTP 503");
		assertThat(page(clinician, "en")).contains("Waiting to try again: the EHR did not answer")
			.contains("(HTTP 503)");
		assertThat(page(clinician, "es")).contains("A la espera de un nuevo intento: la historia clínica no respondió");

		// the EHR is back, but its first Task fails: the ServiceRequest is not written
		// again
		String scenario = "task " + patient;
		EHR.stubFor(serviceRequestFor(patient).willReturn(created("ServiceRequest", "sr-" + patient)));
		EHR.stubFor(taskFor(patient).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("recovered"));
		EHR.stubFor(taskFor(patient).inScenario(scenario)
			.whenScenarioStateIs("recovered")
			.willReturn(created("Task", "t-" + patient)));

		Referral written = settled(clinician, EhrRecord.WRITTEN);
		assertThat(written.ehrReference()).isEqualTo("sr-" + patient);
		assertThat(written.ehrProblem()).isNull();
		assertThat(served("ServiceRequest", patient, 201)).as("the ServiceRequest held once").hasSize(1);
		assertThat(served("ServiceRequest", patient, 503)).isNotEmpty();
		List<ServeEvent> tasks = served("Task", patient, 201);
		assertThat(tasks).as("the Task held once").hasSize(1);
		Task task = this.fhir.newJsonParser().parseResource(Task.class, tasks.get(0).getRequest().getBodyAsString());
		assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/sr-" + patient);
		ServiceRequest request = this.fhir.newJsonParser()
			.parseResource(ServiceRequest.class,
					served("ServiceRequest", patient, 201).get(0).getRequest().getBodyAsString());
		assertThat(request.getIdentifierFirstRep().getValue()).isEqualTo(String.valueOf(referral.id()));
		assertThat(resubmitted(referral.id())).as("tried again through the registry").isTrue();
		assertThat(page(clinician, "en")).contains(">Recorded<");
		assertThat(page(clinician, "es")).contains(">Registrada<");
	}

	@Test
	void aServiceRequestWhoseAnswerWasLostIsFoundByItsIdentifierNotWrittenAgain() throws Exception {
		String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
		// the EHR creates the ServiceRequest but its answer is lost; asked again for the
		// referral's identifier, it answers the one it holds (200), as a conditional
		// create does
		String scenario = "lost " + patient;
		EHR.stubFor(serviceRequestFor(patient).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("held"));
		EHR.stubFor(serviceRequestFor(patient).inScenario(scenario)
			.whenScenarioStateIs("held")
			.withHeader("If-None-Exist", matching("identifier=urn%3Akinship%3Areferral%7C[0-9]+"))
			.willReturn(found("ServiceRequest", "sr-" + patient)));
		EHR.stubFor(taskFor(patient).willReturn(created("Task", "t-" + patient)));
		KinshipPrincipal clinician = clinician(patient);

		Referral referral = this.referrals.refer(clinician, new ReferralForm(group().id(), null, null));

		Referral written = settled(clinician, EhrRecord.WRITTEN);
		assertThat(written.ehrReference()).as("the id of the one the EHR held").isEqualTo("sr-" + patient);
		String identifier = "identifier=urn%3Akinship%3Areferral%7C" + referral.id();
		List<ServeEvent> requests = sent("ServiceRequest", patient);
		assertThat(requests).as("asked twice, the first answer lost").hasSize(2);
		assertThat(requests)
			.allSatisfy((event) -> assertThat(event.getRequest().getHeader("If-None-Exist")).isEqualTo(identifier));
		List<ServeEvent> tasks = sent("Task", patient);
		assertThat(tasks).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getHeader("If-None-Exist")).isEqualTo(identifier));
		Task task = this.fhir.newJsonParser().parseResource(Task.class, tasks.get(0).getRequest().getBodyAsString());
		assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/sr-" + patient);
	}

	@Test
	void aReferralTheEhrRefusesIsKeptInKinshipAndTheClinicianSeesIt() throws Exception {
		String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
		EHR.stubFor(serviceRequestFor(patient).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/fhir+json")
			.withBody("{\"resourceType\": \"OperationOutcome\", \"issue\": [{\"severity\": \"error\", "
					+ "\"code\": \"invalid\"}]}")));
		KinshipPrincipal clinician = clinician(patient);

		Referral referral = this.referrals.refer(clinician, new ReferralForm(group().id(), null, null));

		Referral refused = settled(clinician, EhrRecord.REFUSED);
		assertThat(refused.ehrProblem()).isEqualTo("HTTP 422");
		assertThat(served("ServiceRequest", patient, 422)).as("a refusal is not tried again").hasSize(1);
		assertThat(served("Task", patient, 201)).isEmpty();
		assertThat(this.referrals.waitingFor(patient(patient))).extracting(Referral::id)
			.as("kept in Kinship: the patient still finds it")
			.containsExactly(referral.id());
		assertThat(page(clinician, "en")).contains("Refused by the EHR: record it in the chart yourself")
			.contains("(HTTP 422)");
		assertThat(page(clinician, "es"))
			.contains("Rechazada por la historia clínica: regístrela usted en la historia");
	}

	@Test
	void anEhrThatCannotBeReachedIsSaidInWordsNotAnErrorsName() throws Exception {
		String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
		EHR.stubFor(serviceRequestFor(patient).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		KinshipPrincipal clinician = clinician(patient);

		this.referrals.refer(clinician, new ReferralForm(group().id(), null, null));

		Referral waiting = settled(clinician, EhrRecord.RETRYING);
		assertThat(waiting.ehrHttpStatus()).isNull();
		String english = row(page(clinician, "en"), waiting.id());
		assertThat(english).contains("Waiting to try again: the EHR did not answer")
			.contains("(the EHR could not be reached)")
			.doesNotContain("Exception");
		String spanish = row(page(clinician, "es"), waiting.id());
		assertThat(spanish).contains("(no se pudo contactar con la historia clínica)").doesNotContain("Exception");
	}

	/** The cell of the clinician's list saying where a referral stands with the EHR. */
	private static String row(String page, long referralId) {
		int start = page.indexOf("id=\"referral-ehr-" + referralId + "\"");
		assertThat(start).as("the referral's EHR cell").isNotNegative();
		return page.substring(start, page.indexOf("</td>", start));
	}

	/**
	 * The clinician's only referral once its EHR state is reached and its publication no
	 * longer waits in the registry.
	 */
	private Referral settled(KinshipPrincipal clinician, EhrRecord state) {
		return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<Referral> sent = this.referrals.sentBy(clinician);
			Referral referral = sent.get(0);
			boolean registry = (state == EhrRecord.RETRYING) ? failedPublications(referral.id()) > 0
					: incompletePublications(referral.id()) == 0;
			return (referral.ehr() == state && registry) ? referral : null;
		}, (referral) -> referral != null);
	}

	private String page(KinshipPrincipal clinician, String language) throws Exception {
		return this.mvc
			.perform(get("/referrals").session(StaffedGroups.session(clinician))
				.locale(Locale.forLanguageTag(language))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private int incompletePublications(long referralId) {
		return publications(referralId, "COMPLETION_DATE IS NULL");
	}

	private int failedPublications(long referralId) {
		return publications(referralId, "COMPLETION_DATE IS NULL AND STATUS = 'FAILED'");
	}

	private boolean resubmitted(long referralId) {
		return publications(referralId, "COMPLETION_DATE IS NOT NULL AND LAST_RESUBMISSION_DATE IS NOT NULL") == 1;
	}

	private int publications(long referralId, String condition) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%.ReferralEhrDue' "
					+ "AND SERIALIZED_EVENT LIKE ? AND " + condition)
			.param("%\"referralId\":" + referralId + ",%")
			.query(Integer.class)
			.single();
	}

	private static List<ServeEvent> served(String type, String patient, int status) {
		return EHR.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith("/" + KEY + "/fhir/" + type)
					&& event.getRequest().getBodyAsString().contains("Patient/" + patient)
					&& event.getResponse().getStatus() == status)
			.toList();
	}

	/** Every request for a patient's resource of a type, whatever the EHR answered. */
	private static List<ServeEvent> sent(String type, String patient) {
		return EHR.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith("/" + KEY + "/fhir/" + type)
					&& event.getRequest().getBodyAsString().contains("Patient/" + patient))
			.toList();
	}

	private Group group() {
		return this.groups.create(clinician(null), new GroupForm("Referred " + UUID.randomUUID(), "A place to share.",
				"<p>Be kind.</p>", Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
	}

	private KinshipPrincipal clinician(String patientId) {
		return new KinshipPrincipal(KEY, fhirBase(), this.doctor, "Dr. Sarah Lin", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), patientId, null, true,
				(patientId != null) ? "Maria Santos" : null, null, null, List.of(), Set.of("patient/Patient.rs"),
				Map.of());
	}

	private static KinshipPrincipal patient(String patientId) {
		return new KinshipPrincipal(KEY, fhirBase(), "Patient/" + patientId, "Pat", KinshipRole.PATIENT, Set.of(),
				patientId, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	private static MappingBuilder serviceRequestFor(String patient) {
		return post(urlPathEqualTo("/" + KEY + "/fhir/ServiceRequest"))
			.withRequestBody(containing("Patient/" + patient));
	}

	private static MappingBuilder taskFor(String patient) {
		return post(urlPathEqualTo("/" + KEY + "/fhir/Task")).withRequestBody(containing("Patient/" + patient));
	}

	private static ResponseDefinitionBuilder created(String type, String id) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", fhirBase() + "/" + type + "/" + id + "/_history/1")
			.withBody("{\"resourceType\": \"" + type + "\", \"id\": \"" + id + "\"}");
	}

	/** What a conditional create answers when the EHR already holds the resource. */
	private static ResponseDefinitionBuilder found(String type, String id) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/fhir+json")
			.withHeader("Location", fhirBase() + "/" + type + "/" + id + "/_history/1")
			.withBody("{\"resourceType\": \"" + type + "\", \"id\": \"" + id + "\"}");
	}

	private static String fhirBase() {
		return EHR.baseUrl() + "/" + KEY + "/fhir";
	}

}
