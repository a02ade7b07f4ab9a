package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with groups, checked on the server over HTTP with the sandbox's
 * personas: community managers create groups with code sets, facilitators manage only
 * their own groups, patients see members only of groups they belong to, and refused input
 * comes back with a plain message and nothing saved. Every group made here has a name of
 * its own, since the running system is shared with other tests.
 */
class GroupAuthorizationIntegrationTests {

	private static final Pattern MANAGE_PAGE = Pattern.compile("/manage/groups/([a-z0-9-]+)$");

	private static final String DESCRIPTION = "A place to share what helps.";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void communityManagerCreatesAnUnlistedGroupAndSeesHowManyMembersMatch() throws Exception {
		launch("daniel-reyes");
		launch("emily-chen");
		LaunchedPerson manager = launch("dr-sarah-lin");
		String name = unique("Seizure support");
		// ICD-10-CM only: the demo people carry it, the Synthea patients other tests
		// launch
		// do not, so the count depends on this test alone
		List<String> fields = groupForm(name, false, "", "G40.*");

		HttpResponse<String> preview = manager.submit("/manage/groups/new", "group-form",
				with(fields, "action", "preview"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("2 Kinship members match these codes today.")
			.contains("value=\"" + name + "\"");
		assertThat(page(manager, "/manage/groups")).doesNotContain(name);

		String slug = createGroup(manager, fields);
		String edit = page(manager, "/manage/groups/" + slug);
		assertThat(textarea(edit, "snomedCodes")).isEmpty();
		assertThat(textarea(edit, "icd10Codes")).isEqualTo("G40.*");
		assertThat(page(manager, "/groups")).doesNotContain(name);
	}

	@Test
	void invalidCodesAreRefusedAndTheFormComesBackAsTyped() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String name = unique("Typo check");
		List<String> fields = groupForm(name, false, "84757009 12345", "G40.* E11.ZZZZZ9");

		for (String action : List.of("save", "preview")) {
			HttpResponse<String> refused = manager.submit("/manage/groups/new", "group-form",
					with(fields, "action", action));
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("These codes are not valid: 12345, E11.ZZZZZ9.")
				.contains("value=\"" + name + "\"")
				.contains(DESCRIPTION);
			assertThat(textarea(refused.body(), "snomedCodes")).isEqualTo("84757009 12345");
			assertThat(textarea(refused.body(), "icd10Codes")).isEqualTo("G40.* E11.ZZZZZ9");
		}
		assertThat(page(manager, "/manage/groups")).doesNotContain(name);
	}

	@Test
	void duplicateGroupNameIsRefused() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String name = unique("Night owls");
		createGroup(manager, groupForm(name, true, "", "G47.*"));
		String sameName = "  " + name.toUpperCase(Locale.ROOT).replace(" ", "   ") + " ";

		HttpResponse<String> refused = manager.submit("/manage/groups/new", "group-form",
				with(groupForm(sameName, true, "", "G47.*"), "action", "save"));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("There is already a group called");
		assertThat(page(manager, "/manage/groups")).containsOnlyOnce(name)
			.doesNotContain(name.toUpperCase(Locale.ROOT));
	}

	@Test
	void scriptInAGroupNameIsStoredButShownEscaped() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String slug = createGroup(manager,
				groupForm("<script>alert(1)</script> Night shift " + suffix, true, "", "G47.2*"));
		LaunchedPerson patient = launch("aisha-rahman");

		for (String page : List.of(page(manager, "/manage/groups/" + slug), page(manager, "/manage/groups"),
				page(patient, "/groups/" + slug), page(patient, "/groups?q=" + suffix))) {
			assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Night shift " + suffix)
				.doesNotContain("<script>alert(1)</script>");
		}
	}

	@Test
	void guidelinesKeepOnlyAllowedMarkup() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		List<String> fields = groupForm(unique("Rules test"), true, "", "G44.*");
		fields.set(fields.indexOf("guidelines") + 1, "<p>Be <strong>kind</strong>.</p><script>alert(2)</script>"
				+ "<p onclick=\"steal()\">Stay on topic.</p><img src=x onerror=\"steal()\">");
		String slug = createGroup(manager, fields);

		String page = page(launch("aisha-rahman"), "/groups/" + slug);

		assertThat(page).contains("<strong>kind</strong>")
			.contains("Stay on topic.")
			.doesNotContain("alert(2)")
			.doesNotContain("onclick")
			.doesNotContain("onerror")
			.doesNotContain("steal()");
	}

	@Test
	void patientCannotListTheMembersOfAnUnlistedGroupNorManageGroups() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String slug = createGroup(manager, groupForm(unique("Quiet room"), false, "", "F41.*"));
		String memberName = unique("Heron");
		LaunchedPerson member = launch("james-carter");
		assertThat(join(member, slug, memberName, true).statusCode()).isEqualTo(302);
		assertThat(answer(manager, slug, "Patient/james-carter")).contains("Request approved.");
		assertThat(page(member, "/groups/" + slug)).contains("id=\"members\"").contains(memberName);

		LaunchedPerson patient = launch("aisha-rahman");
		assertThat(page(patient, "/groups/" + slug)).doesNotContain("id=\"members\"")
			.doesNotContain(memberName)
			.contains("Ask to join");

		assertThat(patient.get("/manage/groups/new").statusCode()).isEqualTo(403);
		assertThat(patient.get("/manage/groups/" + slug).statusCode()).isEqualTo(403);
		String attempted = unique("Patient made");
		HttpResponse<String> create = patient.post("/manage/groups/new",
				with(groupForm(attempted, true, "", "F41.*"), "action", "save"));
		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(page(manager, "/manage/groups")).doesNotContain(attempted);
	}

	@Test
	void onlyAFacilitatorOfTheGroupApprovesARequestToJoin() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String slug = createGroup(manager, groupForm(unique("Tuesday circle"), false, "", "I50.*"));
		LaunchedPerson patient = launch("robert-nguyen");
		String displayName = unique("Kestrel");
		assertThat(join(patient, slug, displayName, true).statusCode()).isEqualTo(302);
		assertThat(page(patient, "/groups/" + slug)).contains("Your request to join is waiting for a facilitator.")
			.doesNotContain("id=\"members\"");

		LaunchedPerson facilitatorOfOtherGroups = launch("tom-alvarez");
		assertThat(page(facilitatorOfOtherGroups, "/groups/" + slug)).doesNotContain("id=\"requests\"")
			.doesNotContain(displayName);
		assertThat(answer(facilitatorOfOtherGroups, slug, "Patient/robert-nguyen"))
			.contains("Only this group&#39;s facilitators and community managers can do that.");
		assertThat(page(patient, "/groups/" + slug)).contains("Your request to join is waiting for a facilitator.");

		assignFacilitator(manager, slug);
		assertThat(page(facilitatorOfOtherGroups, "/groups/" + slug)).contains("id=\"requests\"").contains(displayName);
		assertThat(answer(facilitatorOfOtherGroups, slug, "Patient/robert-nguyen")).contains("Request approved.");

		assertThat(page(patient, "/groups/" + slug)).contains("id=\"members\"")
			.contains("You are a member as " + displayName + ".");
	}

	@Test
	void facilitatorEditsTheTextsOfHisGroupButNotItsCodeSetNorOtherGroups() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String his = createGroup(manager, groupForm(unique("Morning walkers"), true, "", "G40.*"));
		assignFacilitator(manager, his);
		String other = createGroup(manager, groupForm(unique("Evening walkers"), true, "", "G40.*"));
		LaunchedPerson facilitator = launch("tom-alvarez");

		List<String> edited = groupForm("Renamed by facilitator", true, "44054006", "E11.*");
		edited.set(edited.indexOf("description") + 1, "We walk at seven, whatever the weather.");
		HttpResponse<String> saved = facilitator.submit("/manage/groups/" + his, "group-form",
				with(edited, "action", "save"));
		assertThat(saved.statusCode()).isEqualTo(302);

		String page = page(manager, "/manage/groups/" + his);
		assertThat(textarea(page, "description")).isEqualTo("We walk at seven, whatever the weather.");
		assertThat(textarea(page, "snomedCodes")).isEmpty();
		assertThat(textarea(page, "icd10Codes")).isEqualTo("G40.*");
		assertThat(page).doesNotContain("Renamed by facilitator");

		assertThat(facilitator.get("/manage/groups/" + other).statusCode()).isEqualTo(403);
		assertThat(facilitator.post("/manage/groups/" + other, with(edited, "action", "save")).statusCode())
			.isEqualTo(403);
		assertThat(textarea(page(manager, "/manage/groups/" + other), "description")).isEqualTo(DESCRIPTION);
		assertThat(facilitator.get("/manage/groups/new").statusCode()).isEqualTo(403);
	}

	@Test
	void patientCannotJoinTheCaregiverGroup() throws Exception {
		LaunchedPerson patient = launch("maria-santos");

		HttpResponse<String> refused = join(patient, "caring-for-someone-with-dementia", unique("Marigold"), true);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("This group is for caregivers.");
		assertThat(page(patient, "/groups/caring-for-someone-with-dementia")).doesNotContain("id=\"membership\"");
	}

	@Test
	void joinRefusesATakenTooLongOrMarkedUpNameAndUnacceptedGuidelines() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String slug = createGroup(manager, groupForm(unique("Open door"), true, "", "E11.*"));
		String takenName = unique("Sunny");
		assertThat(join(launch("james-carter"), slug, takenName, true).statusCode()).isEqualTo(302);
		LaunchedPerson patient = launch("patricia-kowalski");

		assertRefused(join(patient, slug, takenName.toUpperCase(Locale.ROOT), true),
				"Someone in this group already uses the name");
		assertRefused(join(patient, slug, "A".repeat(41), true),
				"Your name in the group can be at most 40 characters.");
		HttpResponse<String> markedUp = join(patient, slug, "<b>Bold</b>", true);
		assertRefused(markedUp, "Use 2 to 40 letters, numbers, spaces and");
		assertThat(markedUp.body()).doesNotContain("<b>Bold</b>").contains("&lt;b&gt;Bold&lt;/b&gt;");
		assertRefused(join(patient, slug, "Marigold", false),
				"Please read the guidelines and tick the box to accept them.");

		assertThat(page(patient, "/groups/" + slug)).doesNotContain("id=\"membership\"");
		assertThat(join(patient, slug, "Marigold", true).statusCode()).isEqualTo(302);
		assertThat(page(patient, "/groups/" + slug)).contains("You are a member as Marigold.");
	}

	@Test
	void patientDownloadsAndDeletesTheirGroupData() throws Exception {
		LaunchedPerson manager = launch("dr-sarah-lin");
		String listedName = unique("Heart to heart");
		String unlistedName = unique("Small hearts");
		String listed = createGroup(manager, groupForm(listedName, true, "", "I50.*"));
		String unlisted = createGroup(manager, groupForm(unlistedName, false, "", "I50.*"));
		LaunchedPerson patient = launch("linda-okafor");
		String displayName = unique("Nightingale");
		assertThat(join(patient, listed, displayName, true).statusCode()).isEqualTo(302);
		assertThat(join(patient, unlisted, displayName, true).statusCode()).isEqualTo(302);

		JsonNode data = myData(patient);
		assertThat(data.get("fhirUser").asString()).isEqualTo("Patient/linda-okafor");
		assertThat(entry(data, listedName).get("displayName").asString()).isEqualTo(displayName);
		assertThat(entry(data, listedName).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(entry(data, unlistedName).get("displayName").asString()).isEqualTo(displayName);
		assertThat(entry(data, unlistedName).get("status").asString()).isEqualTo("PENDING");

		assertThat(patient.follow(patient.submit("/me", "delete-form", List.of())).body())
			.contains("Tick the box to confirm that you want to delete your content.");
		assertThat(myData(patient).get("groups").size()).isEqualTo(data.get("groups").size());

		assertThat(patient.follow(patient.submit("/me", "delete-form", List.of("confirm", "true"))).body())
			.contains("Your content was deleted.");
		assertThat(myData(patient).get("groups").size()).isZero();
		assertThat(page(patient, "/groups/" + listed)).doesNotContain("id=\"membership\"");
		assertThat(page(manager, "/groups/" + listed)).doesNotContain(displayName);
	}

	private LaunchedPerson launch(String persona) throws Exception {
		return LaunchedPerson.launch(this.system, persona);
	}

	private static List<String> groupForm(String name, boolean listed, String snomed, String icd10) {
		List<String> fields = new ArrayList<>(List.of("name", name, "description", DESCRIPTION, "guidelines",
				"<p>Be kind. Share your own experience.</p>", "audience", "PATIENTS", "status", "OPEN", "snomedCodes",
				snomed, "icd10Codes", icd10));
		if (listed) {
			fields.addAll(List.of("listed", "true"));
		}
		return fields;
	}

	private static List<String> with(List<String> fields, String name, String value) {
		List<String> all = new ArrayList<>(fields);
		all.addAll(List.of(name, value));
		return all;
	}

	private static String createGroup(LaunchedPerson manager, List<String> fields) throws Exception {
		HttpResponse<String> created = manager.submit("/manage/groups/new", "group-form",
				with(fields, "action", "save"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Matcher slug = MANAGE_PAGE.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(slug.find()).isTrue();
		return slug.group(1);
	}

	private static void assignFacilitator(LaunchedPerson manager, String slug) throws Exception {
		String page = manager.follow(manager.post("/manage/groups/" + slug + "/facilitators",
				List.of("fhirUser", "Practitioner/tom-alvarez", "assign", "true")))
			.body();
		Matcher facilitators = Pattern.compile("<ul id=\"facilitators\">(.*?)</ul>", Pattern.DOTALL).matcher(page);
		assertThat(facilitators.find()).isTrue();
		assertThat(facilitators.group(1)).contains("Practitioner/tom-alvarez");
	}

	private static HttpResponse<String> join(LaunchedPerson person, String slug, String displayName,
			boolean acceptGuidelines) throws Exception {
		List<String> fields = new ArrayList<>(List.of("displayName", displayName));
		if (acceptGuidelines) {
			fields.addAll(List.of("acceptGuidelines", "true"));
		}
		return person.submit("/groups/" + slug + "/join", "join-form", fields);
	}

	/** Approves a request to join, as the approve button does; returns the page after. */
	private static String answer(LaunchedPerson staff, String slug, String fhirUser) throws Exception {
		return staff
			.follow(staff.post("/groups/" + slug + "/requests", List.of("fhirUser", fhirUser, "approve", "true")))
			.body();
	}

	private static String page(LaunchedPerson person, String path) throws Exception {
		HttpResponse<String> page = person.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return page.body();
	}

	private static JsonNode myData(LaunchedPerson person) throws Exception {
		HttpResponse<String> download = person.get("/me/data.json");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		return JsonMapper.builder().build().readTree(download.body());
	}

	private static JsonNode entry(JsonNode data, String groupName) {
		return data.get("groups")
			.valueStream()
			.filter((group) -> group.get("group").asString().equals(groupName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry for " + groupName + " in " + data));
	}

	private static String textarea(String page, String id) {
		Matcher matcher = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>([^<]*)</textarea>").matcher(page);
		assertThat(matcher.find()).as("a textarea " + id).isTrue();
		return matcher.group(1);
	}

	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains(message);
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
