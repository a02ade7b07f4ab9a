package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group of a test's own, made through the pages as a community manager makes one:
 * listed, with a code set no demo or Synthea record carries, so that no suggestion
 * elsewhere changes, and the sandbox's facilitator assigned.
 */
final class CommunityGroups {

	private static final Pattern MANAGE_PAGE = Pattern.compile("/manage/groups/([a-z0-9-]+)$");

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	/** The sandbox's facilitator. */
	static final String FACILITATOR = "tom-alvarez";

	private CommunityGroups() {
	}

	/**
	 * Creates a listed group facilitated by {@link #FACILITATOR}.
	 * @param manager a community manager
	 * @param name the group's name (made unique)
	 * @return the group's slug
	 */
	static String facilitated(LaunchedPerson manager, String name) throws Exception {
		List<String> fields = List.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6), "description",
				"A place to share what helps.", "guidelines", "<p>Be kind.</p>", "audience", "PATIENTS", "status",
				"OPEN", "snomedCodes", "", "icd10Codes", "T66", "listed", "true", "action", "save");
		HttpResponse<String> created = manager.submit("/manage/groups/new", "group-form", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Matcher slug = MANAGE_PAGE.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(slug.find()).isTrue();
		HttpResponse<String> assigned = manager.post("/manage/groups/" + slug.group(1) + "/facilitators",
				List.of("fhirUser", "Practitioner/" + FACILITATOR, "assign", "true"));
		assertThat(assigned.statusCode()).isEqualTo(302);
		return slug.group(1);
	}

	/**
	 * Joins a group under a name of the test's choosing.
	 * @param person who joins
	 * @param slug the group
	 * @param displayName the name (made unique)
	 * @return the name the person goes by
	 */
	static String join(LaunchedPerson person, String slug, String displayName) throws Exception {
		String name = displayName + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> joined = person.submit("/groups/" + slug + "/join", "join-form",
				List.of("displayName", name, "acceptGuidelines", "true"));
		assertThat(joined.statusCode()).as("joined " + slug).isEqualTo(302);
		return name;
	}

	/**
	 * The group's id, from the discussion on its page.
	 * @param person a member or staff
	 * @param slug the group
	 * @return the id
	 */
	static long id(LaunchedPerson person, String slug) throws Exception {
		Matcher matcher = GROUP_ID.matcher(person.get("/groups/" + slug).body());
		assertThat(matcher.find()).as("the chat on the group page").isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
