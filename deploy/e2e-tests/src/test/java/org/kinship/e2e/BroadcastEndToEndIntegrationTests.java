package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.kinship.groups.internal.KnownPatients;
import org.kinship.launch.BackendFhirClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cohort broadcasts between the sandbox's personas over HTTP, against the Synthea records
 * the sandbox imported: a community manager targets everyone whose record holds heart
 * failure, exactly those members receive it, members who were not online find it at their
 * next launch, an urgent one comes back at every launch until acknowledged, and the
 * dashboard counts who did; with write-back on, the sandbox EHR holds a Communication for
 * each recipient patient. Refusals come back on the page with the draft kept.
 */
class BroadcastEndToEndIntegrationTests {

	private static final String HEART_FAILURE = "88805009";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void anUrgentBroadcastReachesExactlyTheCohortAndIsTrackedUntilAcknowledged() throws Exception {
		for (String persona : List.of("linda-okafor", "robert-nguyen", "maria-santos",
				SandboxPersonas.idOf(this.system, "Michele Wolf"), SandboxPersonas.idOf(this.system, "Derek Becker"))) {
			LaunchedPerson.launch(this.system, persona);
		}
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String title = "Heat warning " + UUID.randomUUID().toString().substring(0, 8);
		List<String> fields = form(title, "URGENT", "COHORT", HEART_FAILURE);

		Set<String> expected = membersWithHeartFailure();
		assertThat(expected)
			.contains("Patient/linda-okafor", "Patient/robert-nguyen",
					"Patient/" + SandboxPersonas.idOf(this.system, "Michele Wolf"))
			.doesNotContain("Patient/maria-santos");
		HttpResponse<String> preview = manager.submit("/manage/broadcasts/new", "broadcast-form",
				with(fields, "action", "preview"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains(expected.size() + " members will receive it.");
		String id = idIn(preview.body());

		HttpResponse<String> sent = manager.submit("/manage/broadcasts/" + id, "broadcast-form",
				with(fields, "action", "send"));
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/manage/broadcasts/" + id);
		assertThat(manager.follow(sent).body()).contains("The broadcast is sent.")
			.contains("id=\"count-total\">" + expected.size() + "<");
		assertThat(recipients(manager, id)).containsExactlyInAnyOrderElementsOf(expected);

		LaunchedPerson linda = LaunchedPerson.launch(this.system, "linda-okafor");
		String home = linda.get("/").body();
		assertThat(home).contains("id=\"broadcast-banner\"").contains(title);
		String read = linda.get("/broadcasts/" + id).body();
		assertThat(read).contains("id=\"acknowledge\"").contains("Stay in the shade");
		HttpResponse<String> acknowledged = linda.submit("/broadcasts/" + id, "acknowledge-form", List.of());
		assertThat(linda.follow(acknowledged).body()).contains("your confirmation is recorded");
		assertThat(LaunchedPerson.launch(this.system, "linda-okafor").get("/").body())
			.as("acknowledged: no longer shown at launch")
			.doesNotContain(title);

		LaunchedPerson robert = LaunchedPerson.launch(this.system, "robert-nguyen");
		assertThat(robert.get("/broadcasts/" + id).body()).contains(title);
		assertThat(LaunchedPerson.launch(this.system, "robert-nguyen").get("/").body())
			.as("urgent, opened but not acknowledged: shown again at the next launch")
			.contains("id=\"broadcast-banner\"")
			.contains(title);
		assertThat(LaunchedPerson.launch(this.system, "maria-santos").get("/broadcasts/" + id).statusCode())
			.isEqualTo(404);

		String michele = SandboxPersonas.idOf(this.system, "Michele Wolf");
		try (StompMember page = StompMember.connect(this.system, LaunchedPerson.launch(this.system, michele))) {
			assertThat(page.acknowledgeBroadcast(Long.parseLong(id))).as("over the page's socket")
				.containsEntry("status", "ACKNOWLEDGED")
				.containsEntry("text", "You confirmed that you have read this. Thank you.");
			assertThat(page.acknowledgeBroadcast(Long.parseLong(id))).as("pressed twice: still one")
				.containsEntry("status", "ACKNOWLEDGED");
		}
		try (StompMember page = StompMember.connect(this.system, LaunchedPerson.launch(this.system, "maria-santos"))) {
			assertThat(page.acknowledgeBroadcast(Long.parseLong(id))).as("not a recipient")
				.containsEntry("status", "NOT_FOUND");
		}

		String dashboard = manager.get("/manage/broadcasts/" + id).body();
		assertThat(dashboard).contains("id=\"count-acknowledged\">2 of " + expected.size());
		String pending = manager.get("/manage/broadcasts/" + id + "/pending").body();
		assertThat(pending).contains("Patient/robert-nguyen")
			.doesNotContain("Patient/linda-okafor")
			.doesNotContain("Patient/" + michele);
		assertThat(manager.get("/manage/broadcasts").body()).contains(title);

		Set<String> patients = patientsWithHeartFailure();
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (!manager.get("/manage/broadcasts/" + id)
			.body()
			.contains(patients.size() + " recorded as a Communication, 0 in progress, 0 failed")
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
		}
		assertThat(manager.get("/manage/broadcasts/" + id).body())
			.contains(patients.size() + " recorded as a Communication, 0 in progress, 0 failed");
		for (String patient : patients) {
			assertThat(communicationsOf(patient)).as("the EHR's Communications about " + patient)
				.anySatisfy((communication) -> {
					assertThat(communication.getIdentifierFirstRep().getValue()).isEqualTo(id + "/" + patient);
					assertThat(communication.getPriority()).isEqualTo(Communication.CommunicationPriority.URGENT);
					assertThat(communication.getPayloadFirstRep().getContentStringType().getValue()).startsWith(title);
				});
		}
	}

	/** What the EHR holds, read on the sandbox's side: Kinship may only create them. */
	private List<Communication> communicationsOf(String patientId) {
		return this.system.sandboxBean(ResourceStore.class)
			.all("Communication")
			.stream()
			.map(Communication.class::cast)
			.filter((communication) -> communication.getSubject().getReference().equals("Patient/" + patientId))
			.toList();
	}

	@Test
	void patientsAndFacilitatorsCannotBroadcast() throws Exception {
		for (String persona : List.of("maria-santos", "tom-alvarez")) {
			LaunchedPerson person = LaunchedPerson.launch(this.system, persona);
			assertThat(person.get("/manage/broadcasts").statusCode()).as(persona).isEqualTo(403);
			assertThat(person.get("/manage/broadcasts/new").statusCode()).as(persona).isEqualTo(403);
			HttpResponse<String> crafted = person.post("/manage/broadcasts/new",
					with(form("Not allowed", "URGENT", "COHORT", HEART_FAILURE), "action", "send"));
			assertThat(crafted.statusCode()).as(persona).isEqualTo(403);
		}
	}

	@Test
	void refusedInputComesBackOnThePageWithTheDraftKept() throws Exception {
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String title = "Flu shots " + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> noAudience = manager.submit("/manage/broadcasts/new", "broadcast-form",
				with(form(title, "INFO", "GROUPS", ""), "action", "send"));
		assertThat(noAudience.statusCode()).isEqualTo(422);
		assertThat(noAudience.body()).contains("Please choose at least one group.").contains("value=\"" + title + "\"");
		String id = idIn(noAudience.body());

		List<String> past = new ArrayList<>(form(title, "INFO", "COHORT", HEART_FAILURE));
		past.addAll(List.of("scheduledAt", "2020-01-01T09:00", "action", "schedule"));
		HttpResponse<String> late = manager.submit("/manage/broadcasts/" + id, "broadcast-form", past);
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(late.body()).contains("Please choose a time in the future");

		HttpResponse<String> badCodes = manager.submit("/manage/broadcasts/" + id, "broadcast-form",
				with(form(title, "INFO", "COHORT", "not-a-code"), "action", "send"));
		assertThat(badCodes.statusCode()).isEqualTo(422);
		assertThat(badCodes.body()).contains("These codes are not valid: not-a-code");
		assertThat(manager.get("/manage/broadcasts").body()).contains(title);
		assertThat(manager.get("/manage/broadcasts/" + id).body()).contains("not-a-code").contains("Draft");
	}

	/**
	 * The known members whose own record (or cared-for person's) has active heart
	 * failure.
	 */
	private Set<String> membersWithHeartFailure() {
		return knownWithHeartFailure().stream().map(KnownPatients.Known::fhirUser).collect(Collectors.toSet());
	}

	/** Their patients. */
	private Set<String> patientsWithHeartFailure() {
		return knownWithHeartFailure().stream().map(KnownPatients.Known::patientId).collect(Collectors.toSet());
	}

	private List<KnownPatients.Known> knownWithHeartFailure() {
		Bundle conditions = this.system.kinshipBean(BackendFhirClients.class)
			.forIssuer("sandbox")
			.search()
			.forResource(Condition.class)
			.where(Condition.CODE.exactly().systemAndCode("http://snomed.info/sct", HEART_FAILURE))
			.and(Condition.CLINICAL_STATUS.exactly().code("active"))
			.count(1000)
			.returnBundle(Bundle.class)
			.execute();
		Set<String> patients = conditions.getEntry()
			.stream()
			.map((entry) -> ((Condition) entry.getResource()).getSubject().getReferenceElement().getIdPart())
			.collect(Collectors.toSet());
		return this.system.kinshipBean(KnownPatients.class)
			.at(this.system.sandboxUrl() + "/fhir", 100_000)
			.stream()
			.filter((known) -> patients.contains(known.patientId()))
			.toList();
	}

	private static List<String> recipients(LaunchedPerson manager, String id) throws Exception {
		HttpResponse<String> csv = manager.get("/manage/broadcasts/" + id + "/recipients.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("recipient,delivered_at,seen_at,acknowledged_at");
		return lines.stream().skip(1).map((line) -> line.substring(1, line.indexOf('"', 1))).toList();
	}

	private static String idIn(String page) {
		Matcher action = Pattern.compile("id=\"broadcast-form\" action=\"/manage/broadcasts/([0-9]+)\"").matcher(page);
		assertThat(action.find()).as("the form now saves the stored draft").isTrue();
		return action.group(1);
	}

	static List<String> form(String title, String priority, String audience, String snomed) {
		return List.of("title", title, "body", "**Stay in the shade** and drink as your care team advised.", "priority",
				priority, "audienceKind", audience, "snomedCodes", snomed, "icd10Codes", "", "rxnormCodes", "",
				"expiresAt", "");
	}

	static List<String> with(List<String> fields, String name, String value) {
		List<String> all = new ArrayList<>(fields);
		all.addAll(List.of(name, value));
		return all;
	}

}
