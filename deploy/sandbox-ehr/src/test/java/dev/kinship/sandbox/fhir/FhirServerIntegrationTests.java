package dev.kinship.sandbox.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.UrlUtil;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's FHIR server takes only valid bearer tokens and enforces SMART scopes: a
 * patient-context token stays inside that patient's compartment. A conditional create
 * ({@code If-None-Exist}) stores a resource once, however often it is sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox-ehr")
class FhirServerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JwtEncoder encoder;

	@Autowired
	FhirContext fhir;

	@Autowired
	ResourceStore store;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void refusesRequestsWithoutAToken() {
		assertThat(get("/fhir/Patient/maria-santos", null).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesATokenSignedByAnotherServer() {
		assertThat(get("/fhir/Patient/maria-santos", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").statusCode())
			.isEqualTo(401);
	}

	@Test
	void patientReadsTheirOwnCarePlanButNotAnotherPatients() {
		String token = token("maria-santos", "patient/*.rs");
		HttpResponse<String> own = get("/fhir/CarePlan/maria-santos-careplan", token);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(parse(own, CarePlan.class).getActivity()).extracting((a) -> a.getDetail().getDescription())
			.contains("Check blood sugar every morning");
		assertThat(get("/fhir/CarePlan/linda-okafor-careplan", token).statusCode()).isEqualTo(403);
		assertThat(get("/fhir/CarePlan?patient=linda-okafor", token).statusCode()).isEqualTo(403);
	}

	@Test
	void searchesOwnConditionsOnlyWithTheMatchingScope() {
		HttpResponse<String> conditions = get("/fhir/Condition?patient=james-carter&clinical-status=active",
				token("james-carter", "patient/Condition.rs"));
		assertThat(conditions.statusCode()).isEqualTo(200);
		List<String> codes = parse(conditions, Bundle.class).getEntry()
			.stream()
			.map((entry) -> ((Condition) entry.getResource()).getCode().getCodingFirstRep().getCode())
			.toList();
		assertThat(codes).containsExactlyInAnyOrder("44054006", "82423001");
		assertThat(get("/fhir/Condition?patient=james-carter", token("james-carter", "patient/Goal.rs")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void conditionsCarryBothSnomedAndIcd10Codings() {
		Condition condition = parse(get("/fhir/Condition/robert-nguyen-copd", token("robert-nguyen", "patient/*.rs")),
				Condition.class);
		assertThat(condition.getCode().getCoding()).extracting((coding) -> coding.getSystem() + "|" + coding.getCode())
			.containsExactlyInAnyOrder("http://snomed.info/sct|13645005", "http://hl7.org/fhir/sid/icd-10-cm|J44.9");
	}

	@Test
	void clinicianWithUserScopesReadsAnyPatient() {
		String token = token(null, "user/*.rs");
		assertThat(get("/fhir/Patient/walter-brooks", token).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/CareTeam?patient=linda-okafor", token).statusCode()).isEqualTo(200);
	}

	@Test
	void backendServicesFindACohortByCodeAcrossPatients() {
		HttpResponse<String> response = get("/fhir/Condition?code=http://snomed.info/sct%7C88805009",
				token(null, "system/Condition.rs"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response, Bundle.class).getEntry())
			.extracting((entry) -> ((Condition) entry.getResource()).getSubject().getReference())
			.contains("Patient/linda-okafor", "Patient/robert-nguyen");
	}

	@Test
	void findsUpcomingAppointmentsByDate() {
		HttpResponse<String> response = get(
				"/fhir/Appointment?patient=maria-santos&date=ge" + java.time.LocalDate.now(),
				token("maria-santos", "patient/Appointment.rs"));
		assertThat(parse(response, Bundle.class).getEntry()).hasSize(2);
	}

	@Test
	void includesTheCareTeamsPractitionersInTheSameResponse() {
		Bundle bundle = parse(get("/fhir/CareTeam?patient=linda-okafor&status=active&_include=CareTeam:participant",
				token("linda-okafor", "patient/CareTeam.rs patient/Practitioner.rs")), Bundle.class);
		// HAPI's plain server marks only the included entries
		assertThat(bundle.getEntry())
			.extracting((entry) -> entry.getSearch().getMode() + " "
					+ entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
			.containsExactlyInAnyOrder("null CareTeam/linda-okafor-careteam", "INCLUDE Practitioner/dr-sarah-lin",
					"INCLUDE Practitioner/tom-alvarez");
	}

	@Test
	void refusesAnIncludeThatTheScopesDoNotCover() {
		assertThat(get("/fhir/CareTeam?patient=linda-okafor&_include=CareTeam:participant",
				token("linda-okafor", "patient/CareTeam.rs"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void includesOnlyPractitionersForAppointmentPractitioner() {
		Bundle bundle = parse(get(
				"/fhir/Appointment?patient=maria-santos&date=ge" + java.time.LocalDate.now()
						+ "&_include=Appointment:practitioner",
				token("maria-santos", "patient/Appointment.rs patient/Practitioner.rs")), Bundle.class);
		assertThat(bundle.getEntry()).filteredOn((entry) -> entry.getSearch().getMode() == SearchEntryMode.INCLUDE)
			.extracting((entry) -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
			.containsExactlyInAnyOrder("Practitioner/dr-sarah-lin", "Practitioner/tom-alvarez");
		assertThat(bundle.getEntry()).filteredOn((entry) -> entry.getSearch().getMode() != SearchEntryMode.INCLUDE)
			.extracting((entry) -> entry.getResource().fhirType())
			.containsExactly("Appointment", "Appointment");
	}

	@Test
	void leavesTheStoredResourceWithoutTheIncludedOnes() {
		get("/fhir/CareTeam?patient=linda-okafor&_include=CareTeam:participant",
				token("linda-okafor", "patient/CareTeam.rs patient/Practitioner.rs"));
		Bundle plain = parse(get("/fhir/CareTeam?patient=linda-okafor", token("linda-okafor", "patient/CareTeam.rs")),
				Bundle.class);
		assertThat(plain.getEntry()).hasSize(1);
	}

	@Test
	void pagesALongRecordByCount() {
		String token = token("heavy-record", "patient/MedicationRequest.rs");
		Bundle first = parse(get("/fhir/MedicationRequest?patient=heavy-record&status=active&_count=20", token),
				Bundle.class);
		assertThat(first.getTotal()).isEqualTo(50);
		assertThat(first.getEntry()).hasSize(20);
		String next = first.getLink(Bundle.LINK_NEXT).getUrl();
		Bundle second = parse(get(next.substring(next.indexOf("/fhir")), token), Bundle.class);
		assertThat(second.getEntry()).hasSize(20);
		String last = second.getLink(Bundle.LINK_NEXT).getUrl();
		Bundle third = parse(get(last.substring(last.indexOf("/fhir")), token), Bundle.class);
		assertThat(third.getEntry()).hasSize(10);
		assertThat(third.getLink(Bundle.LINK_NEXT)).isNull();
	}

	@Test
	void theLongRecordHasTenCarePlansAndFiftyMedicationRequests() {
		String token = token("heavy-record", "patient/*.rs");
		assertThat(parse(get("/fhir/CarePlan?patient=heavy-record&status=active", token), Bundle.class).getTotal())
			.isEqualTo(10);
		assertThat(
				parse(get("/fhir/MedicationRequest?patient=heavy-record&status=active&_count=100", token), Bundle.class)
					.getEntry())
			.hasSize(50);
	}

	@Test
	void createsACommunicationOnlyInTheTokensOwnCompartment() {
		String token = token("maria-santos", "patient/Communication.c");
		assertThat(post("/fhir/Communication", communicationAbout("maria-santos"), token).statusCode()).isEqualTo(201);
		assertThat(post("/fhir/Communication", communicationAbout("linda-okafor"), token).statusCode()).isEqualTo(403);
	}

	@Test
	void everyDemoPatientHasAnActiveCareTeamOfPractitionersForBackendServices() {
		String token = token(null, "system/CareTeam.rs");
		for (String patient : List.of("maria-santos", "james-carter", "linda-okafor", "robert-nguyen",
				"patricia-kowalski", "daniel-reyes", "emily-chen", "aisha-rahman", "walter-brooks")) {
			Bundle teams = parse(get("/fhir/CareTeam?patient=" + patient + "&status=active", token), Bundle.class);
			assertThat(teams.getEntry()).as(patient)
				.singleElement()
				.satisfies((entry) -> assertThat(((CareTeam) entry.getResource()).getParticipant())
					.extracting((participant) -> participant.getMember().getReference())
					.containsExactlyInAnyOrder("Practitioner/dr-sarah-lin", "Practitioner/tom-alvarez"));
		}
	}

	@Test
	void backendServicesCreateCommunicationsAndTasksForAnyPatientWithTheirScopes() {
		String token = token(null, "system/Communication.c system/Task.c");
		assertThat(post("/fhir/Communication", communicationAbout("linda-okafor"), token).statusCode()).isEqualTo(201);
		Task task = new Task();
		task.setStatus(Task.TaskStatus.REQUESTED)
			.setIntent(Task.TaskIntent.ORDER)
			.setPriority(Task.TaskPriority.URGENT);
		task.setFor(new Reference("Patient/linda-okafor"));
		task.setOwner(new Reference("CareTeam/linda-okafor-careteam"));
		String body = this.fhir.newJsonParser().encodeResourceToString(task);
		assertThat(post("/fhir/Task", body, token).statusCode()).isEqualTo(201);
		assertThat(post("/fhir/Task", body, token(null, "system/Communication.c")).statusCode())
			.as("without system/Task.c")
			.isEqualTo(403);
	}

	@Test
	void aConditionalCreateSentTwiceStoresOneResourceAndAnswersItsIdBothTimes() {
		String token = token(null, "system/ServiceRequest.c system/ServiceRequest.rs");
		String value = UUID.randomUUID().toString();
		ServiceRequest request = new ServiceRequest();
		request.addIdentifier().setSystem("urn:kinship:referral").setValue(value);
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
			.setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
			.setSubject(new Reference("Patient/linda-okafor"));
		String body = this.fhir.newJsonParser().encodeResourceToString(request);
		String condition = "identifier=" + UrlUtil.escapeUrlParam("urn:kinship:referral|" + value);

		HttpResponse<String> first = post("/fhir/ServiceRequest", body, token, condition);
		HttpResponse<String> second = post("/fhir/ServiceRequest", body, token, "ServiceRequest?" + condition);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(second.statusCode()).as("found, not created").isEqualTo(200);
		String id = location(first);
		assertThat(location(second)).isEqualTo(id);
		assertThat(this.fhir.newJsonParser().parseResource(ServiceRequest.class, second.body()).getIdPart())
			.isEqualTo(id);
		Bundle stored = parse(get("/fhir/ServiceRequest?" + condition, token), Bundle.class);
		assertThat(stored.getEntry()).extracting((entry) -> entry.getResource().getIdElement().getIdPart())
			.containsExactly(id);
	}

	@Test
	void aConditionalCreateMatchingSeveralResourcesIsRefused() {
		String token = token(null, "system/Communication.c");
		String value = UUID.randomUUID().toString();
		Communication communication = new Communication();
		communication.addIdentifier().setSystem("urn:kinship:test").setValue(value);
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.setSubject(new Reference("Patient/linda-okafor"));
		String body = this.fhir.newJsonParser().encodeResourceToString(communication);
		assertThat(post("/fhir/Communication", body, token).statusCode()).isEqualTo(201);
		assertThat(post("/fhir/Communication", body, token).statusCode()).as("unconditional: a second one")
			.isEqualTo(201);

		HttpResponse<String> conditional = post("/fhir/Communication", body, token,
				"identifier=urn:kinship:test%7C" + value);

		assertThat(conditional.statusCode()).isEqualTo(412);
		assertThat(this.store.all("Communication"))
			.filteredOn((stored) -> ((Communication) stored).getIdentifier()
				.stream()
				.anyMatch((identifier) -> value.equals(identifier.getValue())))
			.hasSize(2);
	}

	@Test
	void aConditionalCreateForAnotherIdentifierCreates() {
		String token = token(null, "system/Task.c");
		Task task = new Task();
		task.addIdentifier().setSystem("urn:kinship:test").setValue(UUID.randomUUID().toString());
		task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.setFor(new Reference("Patient/linda-okafor"));
		String body = this.fhir.newJsonParser().encodeResourceToString(task);
		HttpResponse<String> first = post("/fhir/Task", body, token,
				"identifier=urn:kinship:test%7C" + UUID.randomUUID());
		HttpResponse<String> second = post("/fhir/Task", body, token,
				"identifier=urn:kinship:test%7C" + UUID.randomUUID());
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(location(second)).isNotEqualTo(location(first));
	}

	private static String location(HttpResponse<String> response) {
		return new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
	}

	private String communicationAbout(String patient) {
		Communication communication = new Communication();
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.setSubject(new Reference("Patient/" + patient));
		communication.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("Flu shots are available"));
		return this.fhir.newJsonParser().encodeResourceToString(communication);
	}

	private String token(String patient, String scope) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("http://localhost:" + this.port)
			.subject("test")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.claim("scope", List.of(scope.split(" ")));
		if (patient != null) {
			claims.claim("patient", patient);
		}
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/fhir+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.GET().build());
	}

	private HttpResponse<String> post(String path, String body, String token) {
		return post(path, body, token, null);
	}

	private HttpResponse<String> post(String path, String body, String token, String ifNoneExist) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.header("Authorization", "Bearer " + token);
		if (ifNoneExist != null) {
			request.header("If-None-Exist", ifNoneExist);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(HttpResponse<String> response,
			Class<T> type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.fhir.newJsonParser().parseResource(type, response.body());
	}

}
