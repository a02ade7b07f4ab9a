package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group of its own for one test: created by the community manager (dr-sarah-lin) with a
 * code no demo person has, so that no other test's suggestions change, facilitated by
 * tom-alvarez, with members who join under names of their own.
 */
final class StaffedGroup {

	private static final Pattern MANAGE_PAGE = Pattern.compile("/manage/groups/([a-z0-9-]+)$");

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private final Launcher launcher;

	final String slug;

	final long id;

	final LaunchedPerson manager;

	final LaunchedPerson facilitator;

	private StaffedGroup(Launcher launcher, String slug, long id, LaunchedPerson manager, LaunchedPerson facilitator) {
		this.launcher = launcher;
		this.slug = slug;
		this.id = id;
		this.manager = manager;
		this.facilitator = facilitator;
	}

	/**
	 * Creates a group facilitated by tom-alvarez.
	 * @param system the running system
	 * @param name the start of its name
	 * @param facilitated whether tom-alvarez is made its facilitator
	 * @return the group
	 */
	static StaffedGroup create(RunningKinship system, String name, boolean facilitated) throws Exception {
		return create((persona) -> LaunchedPerson.launch(system, persona), name, facilitated);
	}

	/**
	 * Creates a group facilitated by tom-alvarez, everyone launched as the launcher does.
	 * @param launcher launches a persona, for example into one node of a cluster
	 * @param name the start of its name
	 * @param facilitated whether tom-alvarez is made its facilitator
	 * @return the group
	 */
	static StaffedGroup create(Launcher launcher, String name, boolean facilitated) throws Exception {
		LaunchedPerson manager = launcher.launch("dr-sarah-lin");
		List<String> form = new ArrayList<>(List.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8),
				"description", "A place to share what helps.", "guidelines", "<p>Be kind.</p>", "audience", "PATIENTS",
				"status", "OPEN", "snomedCodes", "", "icd10Codes", "Q87.4", "listed", "true", "action", "save"));
		HttpResponse<String> created = manager.submit("/manage/groups/new", "group-form", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Matcher slug = MANAGE_PAGE.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(slug.find()).isTrue();
		if (facilitated) {
			assertThat(manager
				.post("/manage/groups/" + slug.group(1) + "/facilitators",
						List.of("fhirUser", "Practitioner/tom-alvarez", "assign", "true"))
				.statusCode()).isEqualTo(302);
		}
		Matcher id = GROUP_ID.matcher(manager.get("/groups/" + slug.group(1)).body());
		assertThat(id.find()).as("the chat on the group page").isTrue();
		return new StaffedGroup(launcher, slug.group(1), Long.parseLong(id.group(1)), manager,
				launcher.launch("tom-alvarez"));
	}

	/**
	 * Launches a patient and joins the group under a name of their own.
	 * @param persona the persona
	 * @param name the start of the name they choose
	 * @return the member and the name
	 */
	Member join(String persona, String name) throws Exception {
		return join(this.launcher, persona, name);
	}

	/**
	 * Launches a patient as the launcher does and joins the group.
	 * @param launcher launches the persona, for example into another node
	 * @param persona the persona
	 * @param name the start of the name they choose
	 * @return the member and the name
	 */
	Member join(Launcher launcher, String persona, String name) throws Exception {
		LaunchedPerson person = launcher.launch(persona);
		String displayName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> joined = person.submit("/groups/" + this.slug + "/join", "join-form",
				List.of("displayName", displayName, "acceptGuidelines", "true"));
		assertThat(joined.statusCode()).as("joined " + this.slug).isEqualTo(302);
		return new Member(person, displayName);
	}

	String page(LaunchedPerson person) throws Exception {
		HttpResponse<String> page = person.get("/groups/" + this.slug);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	/** Launches a persona. */
	@FunctionalInterface
	interface Launcher {

		LaunchedPerson launch(String persona) throws Exception;

	}

	/**
	 * A member of the group.
	 *
	 * @param person the launched person
	 * @param name their name in the group
	 */
	record Member(LaunchedPerson person, String name) {
	}

}
