package org.kinship.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kinship.e2e.TokenLifetimeIntegrationTests.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups suggested from the record: the Synthea patients of {@code shared/fhir-samples}
 * and the demo people are launched from the sandbox and their home page lists exactly the
 * seeded groups that fit their active conditions. Resolved conditions suggest nothing.
 */
class GroupSuggestionsIntegrationTests {

	private static final String DIABETES = "Living with type 2 diabetes";

	private static final String HEART_FAILURE = "Heart failure support";

	private static final String COPD = "Breathing easier with COPD";

	private static final String EPILEPSY = "Epilepsy circle";

	private static final String PAIN = "Chronic pain community";

	private static final String DEMENTIA_CAREGIVERS = "Caring for someone with dementia";

	private static final Pattern LIST_ITEM_LINK = Pattern.compile("<a href=\"/groups/[^\"]+\">([^<]+)</a>");

	private final RunningKinship system = RunningKinship.get();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Louis Maggio       | Living with type 2 diabetes;Epilepsy circle
			Michele Wolf       | Heart failure support
			Kirsten Witting    | Breathing easier with COPD
			Dino Barton        | Breathing easier with COPD;Heart failure support
			Adalberto Hartmann | Epilepsy circle
			Oralia Stark       | Epilepsy circle
			Jacki Feil         | Chronic pain community
			Tommy Friesen      | Heart failure support
			Mafalda Turcotte   |
			Alfreda Wyman      |
			Derek Becker       |
			Robby Becker       |
			Evelyn McCullough  |
			Merlin Howell      |
			""")
	void suggestsExactlyTheGroupsThatFitASyntheaPatientsActiveConditions(String name, String expected)
			throws Exception {
		String persona = personaNamed(name);
		assertThat(suggestedOrJoined(persona))
			.containsExactlyInAnyOrderElementsOf((expected == null) ? Set.of() : Set.of(expected.split(";")));
	}

	@Test
	void aResolvedConditionSuggestsNothing() throws Exception {
		// james-carter's COPD is resolved; his diabetes and chronic pain are active
		assertThat(suggestedOrJoined("james-carter")).containsExactlyInAnyOrder(DIABETES, PAIN).doesNotContain(COPD);
	}

	@Test
	void aCaregiverGetsTheCaregiverGroupsThatFitThePersonTheyCareFor() throws Exception {
		assertThat(suggestedOrJoined("grace-brooks")).containsExactly(DEMENTIA_CAREGIVERS);
	}

	@Test
	void aPatientWithDementiaIsNotOfferedTheCaregiversGroup() throws Exception {
		assertThat(suggestedOrJoined("walter-brooks")).doesNotContain(DEMENTIA_CAREGIVERS);
		assertThat(suggestedOrJoined(personaNamed("Dino Barton"))).doesNotContain(DEMENTIA_CAREGIVERS)
			.contains(HEART_FAILURE, COPD);
	}

	@Test
	void aSpanishSpeakingPatientGetsTheDirectoryInSpanish() throws Exception {
		Browserless patient = new Browserless();
		patient.get(this.system.sandboxUrl() + "/launch?persona=" + personaNamed("Oralia Stark") + "&mode=ehr");
		HttpResponse<String> directory = patient
			.send(HttpRequest.newBuilder(URI.create(this.system.kinshipUrl() + "/groups?q=epilepsy"))
				.header("Accept-Language", "es-MX,es;q=0.9")
				.build());
		assertThat(directory.body()).contains("Encuentre un grupo").contains(EPILEPSY).contains("lang=\"es\"");
	}

	@Test
	void theHomePageNeverShowsTheCodesOrDiagnosesBehindASuggestion() throws Exception {
		Browserless patient = new Browserless();
		String home = patient
			.get(this.system.sandboxUrl() + "/launch?persona=" + personaNamed("Louis Maggio") + "&mode=ehr")
			.body();
		assertThat(home).contains(DIABETES)
			.doesNotContain("44054006")
			.doesNotContain("84757009")
			.doesNotContain("Seizure disorder")
			.doesNotContain("Hypertriglyceridemia");
	}

	/**
	 * What the home page offers from the record: the suggestions, together with the
	 * groups already joined (a joined group is no longer suggested, and other tests share
	 * this system).
	 */
	private Set<String> suggestedOrJoined(String persona) throws Exception {
		Browserless browser = new Browserless();
		HttpResponse<String> home = browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"suggestions\"");
		Set<String> names = new LinkedHashSet<>(linksIn(home.body(), "suggestions"));
		names.addAll(linksIn(home.body(), "my-groups"));
		// the seeded groups only: other tests create groups of their own
		names.retainAll(Set.of(DIABETES, HEART_FAILURE, COPD, EPILEPSY, PAIN, DEMENTIA_CAREGIVERS));
		return names;
	}

	private static Set<String> linksIn(String page, String listId) {
		int start = page.indexOf("id=\"" + listId + "\"");
		if (start < 0) {
			return Set.of();
		}
		String list = page.substring(start, page.indexOf("</ul>", start));
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = LIST_ITEM_LINK.matcher(list);
		while (matcher.find()) {
			names.add(matcher.group(1).replace("&#39;", "'"));
		}
		return names;
	}

	private String personaNamed(String name) throws Exception {
		return SandboxPersonas.idOf(this.system, name);
	}

}
