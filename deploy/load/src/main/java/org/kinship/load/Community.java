package org.kinship.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people of a load run, as the sandbox EHR and Kinship's own pages know them:
 * personas launched over HTTP, groups created by the community manager with the group
 * form, and seats taken with the join form.
 */
final class Community {

	/** The sandbox's community manager. */
	static final String MANAGER = "dr-sarah-lin";

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final String sandboxUrl;

	private final String kinshipUrl;

	private final Map<String, AtomicInteger> relaunches = new ConcurrentHashMap<>();

	Community(String sandboxUrl, String kinshipUrl) {
		this.sandboxUrl = sandboxUrl;
		this.kinshipUrl = kinshipUrl;
	}

	/**
	 * Everyone the sandbox can launch.
	 * @return the persona ids
	 */
	List<String> personas() throws IOException, InterruptedException {
		HttpResponse<String> response = new Browser().get(this.sandboxUrl + "/personas");
		List<Persona> personas = JSON.readValue(response.body(), new TypeReference<List<Persona>>() {
		});
		return personas.stream().map(Persona::id).toList();
	}

	/**
	 * Launches a persona from the EHR, in a browser of its own, launching again after a
	 * failed launch as a person would, up to three times in all.
	 * @param persona the persona
	 * @return the browser, on Kinship's home page
	 */
	Browser launch(String persona) throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			Browser browser = new Browser();
			HttpResponse<String> home = browser.get(this.sandboxUrl + "/launch?persona=" + persona + "&mode=ehr");
			if (home.statusCode() == 200 && home.uri().toString().startsWith(this.kinshipUrl)) {
				return browser;
			}
			String failure = "launch of " + persona + " ended on " + home.uri().getPath() + " (" + home.statusCode()
					+ ")";
			if (attempt == 3) {
				throw new IOException(failure);
			}
			this.relaunches.computeIfAbsent(failure.replace(persona, "a persona"), (key) -> new AtomicInteger())
				.incrementAndGet();
		}
	}

	/**
	 * Launches that failed and were made again, by how they failed.
	 * @return one line per kind of failure
	 */
	List<String> relaunches() {
		return this.relaunches.entrySet()
			.stream()
			.map((entry) -> entry.getValue().get() + " x " + entry.getKey())
			.toList();
	}

	/**
	 * Creates an open, listed group for everyone, as the community manager.
	 * @param manager the manager's browser
	 * @param name the group's name
	 * @return the group's slug
	 */
	String createGroup(Browser manager, String name) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("description", "Members online together for the chat load benchmark.");
		form.put("guidelines", "Be kind.");
		form.put("audience", "EVERYONE");
		form.put("listed", "true");
		form.put("status", "OPEN");
		form.put("snomedCodes", "84757009");
		form.put("icd10Codes", "");
		form.put("action", "save");
		HttpResponse<String> created = manager.submit(this.kinshipUrl + "/manage/groups/new", "group-form", form);
		String location = created.headers().firstValue("Location").orElse("");
		if (created.statusCode() != 302 || !location.contains("/manage/groups/")) {
			throw new IOException("Group " + name + " not created (" + created.statusCode() + ")");
		}
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/**
	 * Joins a group under a name of the person's choosing.
	 * @param person the person's browser
	 * @param slug the group
	 * @param displayName the name shown in the group
	 * @return whether the person is now a member
	 */
	boolean join(Browser person, String slug, String displayName) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", displayName);
		form.put("acceptGuidelines", "true");
		HttpResponse<String> joined = person.submit(this.kinshipUrl + "/groups/" + slug + "/join", "join-form", form);
		return joined.statusCode() == 302;
	}

	/**
	 * The group's id, from its page as a member sees it.
	 * @param member a member's browser
	 * @param slug the group
	 * @return the id chat frames address
	 */
	long groupId(Browser member, String slug) throws IOException, InterruptedException {
		Matcher id = GROUP_ID.matcher(member.get(this.kinshipUrl + "/groups/" + slug).body());
		if (!id.find()) {
			throw new IOException("No chat on the page of " + slug);
		}
		return Long.parseLong(id.group(1));
	}

	/**
	 * Names for the members of a run: letters and digits only, unique per persona.
	 * @param index the persona's place in the run
	 * @return the name
	 */
	static String displayName(int index) {
		return "Load member " + (index + 1);
	}

	/**
	 * A persona as the sandbox lists it.
	 *
	 * @param id its id
	 */
	record Persona(String id) {
	}

}
