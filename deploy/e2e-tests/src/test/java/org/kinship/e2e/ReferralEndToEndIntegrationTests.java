package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.kinship.programs.internal.ProgramsProperties;
import org.kinship.referrals.internal.ReferralEhrDue;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral from the chart, end to end on the sandbox: Dr. Sarah Lin launched from Maria
 * Santos's chart sees the class that fits Maria's record (type 2 diabetes), refers her
 * with a note, and the sandbox's FHIR server holds the ServiceRequest and its Task
 * (written after commit, in the background, as her list of referrals then says); at
 * Maria's next launch she finds the referral, accepts it and signs up; Dr. Lin sees it
 * accepted, and once the class has met and she took attendance, attended. A referral the
 * patient declines is never offered again. A referral written again because the EHR's
 * answer was lost is found by its identifier: the sandbox still holds one ServiceRequest
 * and one Task for it.
 */
class ReferralEndToEndIntegrationTests {

	private static final Pattern PROGRAM = Pattern.compile("/programs/([0-9]+)");

	private static final Pattern GROUP_ID = Pattern.compile("name=\"groupId\" value=\"([0-9]+)\"");

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aClinicianRefersTheChartsPatientToAClassThatSheAcceptsAndSignsUpForAtHerNextLaunch() throws Exception {
		LaunchedPerson lin = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String name = "Cooking for diabetes " + UUID.randomUUID().toString().substring(0, 6);
		long programId = program(lin, name, diabetesGroup(lin));

		String choices = lin.get("/referrals").body();
		assertThat(choices).contains("id=\"patient-banner-name\">Maria Santos<").contains("Refer Maria Santos");
		assertThat(section(choices, "fitting")).contains(name).contains("Living with type 2 diabetes");

		HttpResponse<String> sent = lin.post("/referrals",
				List.of("programId", String.valueOf(programId), "note", "Ana runs it; you will like her."));
		String after = lin.follow(sent).body();
		assertThat(after).containsAnyOf("Kinship is recording it in the EHR", "sent and recorded in the EHR");
		// written after commit, in the background: the row says when it is there
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (!row(lin.get("/referrals").body(), name).contains(">Recorded<")
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
		}
		assertThat(row(lin.get("/referrals").body(), name)).contains(">Recorded<");

		ServiceRequest request = serviceRequest(name);
		assertThat(request.getSubject().getReference()).isEqualTo("Patient/maria-santos");
		assertThat(request.getRequester().getReference()).isEqualTo("Practitioner/dr-sarah-lin");
		assertThat(request.getNoteFirstRep().getText()).isEqualTo("Ana runs it; you will like her.");
		assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
		assertThat(this.system.sandboxBean(ResourceStore.class).all("Task")).map(Task.class::cast)
			.filteredOn((task) -> task.getFocus().getReference().equals("ServiceRequest/" + request.getIdPart()))
			.hasSize(1);

		LaunchedPerson maria = LaunchedPerson.launch(this.system, "maria-santos");
		String home = maria.get("/").body();
		assertThat(home).contains("suggested this program for you: " + name)
			.contains("Ana runs it; you will like her.");
		String accept = action(home, "/referrals/[0-9]+/accept", name);
		HttpResponse<String> accepted = maria.post(accept, List.of());
		assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/programs/" + programId);
		String programPage = maria.follow(accepted).body();
		String signUp = action(programPage, "/programs/" + programId + "/sessions/[0-9]+/sign-up", null);
		assertThat(maria.follow(maria.post(signUp, List.of())).body()).contains("You have a place");

		assertThat(row(lin.get("/referrals").body(), name)).contains("Accepted");
		assertThat(maria.get("/").body()).doesNotContain("suggested this program for you: " + name);

		// the class meets: its facilitator takes attendance, and the loop is closed
		this.system.clock().advance(Duration.ofMinutes(31));
		String attendance = signUp.replace("/sign-up", "/attendance");
		assertThat(lin.get(attendance).body()).contains("Maria Santos");
		HttpResponse<String> taken = lin.post(attendance, List.of("present", "Patient/maria-santos"));
		assertThat(lin.follow(taken).body()).contains("value=\"Patient/maria-santos\" checked");
		assertThat(row(lin.get("/referrals").body(), name)).contains("Attended a first session");
	}

	@Test
	void aReferralThatDoesNotFitIsSentWithAWarningAndOnceDeclinedIsNeverOfferedAgain() throws Exception {
		LaunchedPerson lin = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String slug = CommunityGroups.facilitated(lin, "Tinnitus talk");
		long groupId = CommunityGroups.id(lin, slug);
		HttpResponse<String> sent = lin.post("/referrals", List.of("groupId", String.valueOf(groupId)));
		assertThat(lin.follow(sent).body()).contains("does not match the patient&#39;s record");

		LaunchedPerson maria = LaunchedPerson.launch(this.system, "maria-santos");
		String home = maria.get("/").body();
		assertThat(home).contains("suggested this group for you: Tinnitus talk");
		String decline = action(home, "/referrals/[0-9]+/decline", "Tinnitus talk");
		assertThat(maria.follow(maria.post(decline, List.of())).body()).contains("You will not be asked about it again")
			.doesNotContain("suggested this group for you: Tinnitus talk");
		assertThat(maria.post(decline, List.of()).statusCode()).isEqualTo(404);
		assertThat(LaunchedPerson.launch(this.system, "maria-santos").get("/").body())
			.doesNotContain("suggested this group for you: Tinnitus talk");
		assertThat(row(lin.get("/referrals").body(), "Tinnitus talk")).contains("Declined");
	}

	@Test
	void aReferralWrittenAgainAfterTheEhrsAnswerWasLostIsHeldOnceInTheEhr() throws Exception {
		LaunchedPerson lin = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String name = "Lost answers " + UUID.randomUUID().toString().substring(0, 6);
		long groupId = CommunityGroups.id(lin, CommunityGroups.facilitated(lin, name));
		lin.post("/referrals", List.of("groupId", String.valueOf(groupId)));
		JdbcClient jdbc = this.system.kinshipBean(JdbcClient.class);
		long referralId = jdbc.sql("SELECT id FROM referral WHERE group_id = ?")
			.param(groupId)
			.query(Long.class)
			.single();
		String firstRequest = recorded(jdbc, referralId);

		// the EHR created both, but Kinship never heard: the ServiceRequest's id was not
		// kept, and the referral is due again
		jdbc.sql("UPDATE referral SET ehr_state = 'RETRYING', ehr_reference = NULL, ehr_task = NULL WHERE id = ?")
			.param(referralId)
			.update();
		String issuer = jdbc.sql("SELECT issuer FROM referral WHERE id = ?")
			.param(referralId)
			.query(String.class)
			.single();
		this.system.publishInTransaction(new ReferralEhrDue(referralId, issuer));

		assertThat(recorded(jdbc, referralId)).as("the ServiceRequest the EHR already held").isEqualTo(firstRequest);
		ResourceStore ehr = this.system.sandboxBean(ResourceStore.class);
		assertThat(heldFor(ehr, "ServiceRequest", referralId)).as("one ServiceRequest for the referral")
			.containsExactly("ServiceRequest/" + firstRequest);
		assertThat(heldFor(ehr, "Task", referralId)).as("one Task for the referral").hasSize(1);
		assertThat(ehr.all("Task")).map(Task.class::cast)
			.filteredOn((task) -> task.getFocus().getReference().equals("ServiceRequest/" + firstRequest))
			.hasSize(1);
	}

	/**
	 * The id of a referral's ServiceRequest once Kinship has recorded it in the EHR,
	 * written after commit in the background.
	 */
	private static String recorded(JdbcClient jdbc, long referralId) throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (!"WRITTEN".equals(ehrState(jdbc, referralId)) && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
		}
		assertThat(ehrState(jdbc, referralId)).isEqualTo("WRITTEN");
		return jdbc.sql("SELECT ehr_reference FROM referral WHERE id = ?")
			.param(referralId)
			.query(String.class)
			.single();
	}

	private static String ehrState(JdbcClient jdbc, long referralId) {
		return jdbc.sql("SELECT ehr_state FROM referral WHERE id = ?").param(referralId).query(String.class).single();
	}

	/** The resources of a type the EHR holds with a referral's identifier. */
	private static List<String> heldFor(ResourceStore ehr, String type, long referralId) {
		FhirTerser terser = FhirContext.forR4Cached().newTerser();
		return ehr.all(type)
			.stream()
			.filter((resource) -> terser.getValues(resource, "identifier", Identifier.class)
				.stream()
				.anyMatch((identifier) -> "urn:kinship:referral".equals(identifier.getSystem())
						&& String.valueOf(referralId).equals(identifier.getValue())))
			.map((resource) -> type + "/" + resource.getIdElement().getIdPart())
			.toList();
	}

	private long diabetesGroup(LaunchedPerson lin) throws Exception {
		Matcher fitting = GROUP_ID.matcher(section(lin.get("/referrals").body(), "fitting"));
		assertThat(fitting.find()).as("a group that fits Maria's record").isTrue();
		return Long.parseLong(fitting.group(1));
	}

	private long program(LaunchedPerson manager, String name, long groupId) throws Exception {
		// every day, next in half an hour in the community's time zone, so that moving
		// time past its start lets its facilitator take attendance
		ZoneId zone = this.system.kinshipBean(ProgramsProperties.class).timeZone();
		ZonedDateTime now = this.system.clock().instant().atZone(zone);
		LocalDate today = now.toLocalDate();
		String startTime = now.plusMinutes(30).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
		HttpResponse<String> created = manager.post("/manage/programs/new",
				List.of("kind", "CLASS", "name", name, "description", "Cook and eat together.", "audience",
						"Adults with type 2 diabetes", "language", "en", "cost", "Free", "format", "IN_PERSON",
						"address", "55 Fruit Street, Boston", "postalCode", "02114", "accessibility",
						"Step-free entrance", "days", "1", "days", "2", "days", "3", "days", "4", "days", "5", "days",
						"6", "days", "7", "startTime", startTime, "minutes", "90", "capacity", "12", "contact",
						"Ana, 617-555-0100", "startsOn", today.toString(), "endsOn", today.plusDays(60).toString(),
						"groupIds", String.valueOf(groupId)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Matcher id = PROGRAM.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private ServiceRequest serviceRequest(String name) {
		List<ServiceRequest> found = this.system.sandboxBean(ResourceStore.class)
			.all("ServiceRequest")
			.stream()
			.map(ServiceRequest.class::cast)
			.filter((request) -> name.equals(request.getCode().getText()))
			.toList();
		assertThat(found).as("one ServiceRequest on the sandbox for " + name).hasSize(1);
		return found.get(0);
	}

	/** The part of a page from an element with this id to the end of its list. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id + " on the page").isNotNegative();
		return page.substring(start, page.indexOf("</ul>", start));
	}

	/** The row of a table naming a group or program. */
	private static String row(String page, String name) {
		Matcher row = Pattern.compile("<tr>\\s*<td>" + Pattern.quote(name) + "[^<]*</td>(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("a row for " + name).isTrue();
		return row.group(1);
	}

	/**
	 * The action of the first form matching a pattern, after a name when one is given.
	 */
	private static String action(String page, String pattern, String after) {
		int from = (after != null) ? page.indexOf(after) : 0;
		assertThat(from).as(after + " on the page").isNotNegative();
		Matcher action = Pattern.compile("action=\"(" + pattern + ")\"").matcher(page);
		assertThat(action.find(from)).as(pattern + " on the page").isTrue();
		return action.group(1);
	}

}
