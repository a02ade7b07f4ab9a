package org.kinship.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinship.e2e.TokenLifetimeIntegrationTests.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care-plan panel against the sandbox EHR: Synthea patients see the goals, activities
 * and medicines of their own record beside their group's discussion, what concerns the
 * group first; a demo patient sees her care team and appointments too; a caregiver sees
 * the plan of the person she cares for; a clinician the plan of the patient in context; a
 * visitor who has not joined sees none.
 */
class CarePlanPanelEndToEndIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern PANEL_PLACE = Pattern.compile("data-careplan-src=\"([^\"]+)\"");

	private final RunningKinship system = RunningKinship.get();

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Louis Maggio    | living-with-type-2-diabetes | Diabetic diet;Exercise therapy;Allergy education;Joint mobility exercises;Heat therapy | Hemoglobin A1c total in Blood &lt; 7.0;Maintain blood pressure below 140/90 mmHg | Diazepam [Valium];Chlorpheniramine Maleate 2 MG/ML Oral Solution;Naproxen sodium 220 MG Oral Tablet | Acetaminophen;Amoxicillin;Recommendation to avoid exercise;Deep breathing
					Michele Wolf    | heart-failure-support       | low salt diet education;physical exercise;Cardiac care;Low sodium diet | improved systolic function;improved diastolic function | 24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol];Lasix 40mg;10 ML Furosemide 10 MG/ML Injection | Acetaminophen;Recommendation to avoid exercise;(regime/therapy);(finding)
					Kirsten Witting | breathing-easier-with-copd  | Pulmonary rehabilitation;Diabetic diet | Hemoglobin A1c total in Blood &lt; 7.0 | Hydrochlorothiazide 25 MG;ferrous sulfate 325 MG Oral Tablet;Clopidogrel 75 MG Oral Tablet;Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray;Simvastatin 20 MG Oral Tablet;Amlodipine 5 MG Oral Tablet | Amoxicillin;Acetaminophen;Recommendation to avoid exercise
					""")
	void aSyntheaPatientSeesTheirOwnPlanGoalsAndMedicinesWhatConcernsTheGroupFirst(String name, String group,
			String activities, String goals, String medicines, String absent) throws Exception {
		Browserless patient = launch(personaNamed(name));
		String page = memberPage(patient, group, "Careplan " + name.split(" ")[0]);
		assertThat(part(page, "plans")).containsSubsequence(activities.split(";"));
		assertThat(part(page, "goals")).contains(goals.split(";"));
		assertThat(part(page, "medications")).contains(medicines.split(";"));
		assertThat(page).doesNotContain(absent.split(";"));
		assertThat(page).contains("id=\"discussion\"").doesNotContain("id=\"careplan-status\"");
	}

	@Test
	void aSyntheaPatientWithoutActivePrescriptionsIsToldSo() throws Exception {
		Browserless patient = launch(personaNamed("Jacki Feil"));
		String page = memberPage(patient, "chronic-pain-community", "Careplan Jacki");
		assertThat(part(page, "medications")).contains("No active prescriptions in the record.");
		assertThat(part(page, "conditions")).contains("Chronic pain");
		assertThat(page).doesNotContain("Oxycodone").doesNotContain("Ibuprofen");
	}

	@Test
	void aDemoPatientSeesHerPlanCareTeamAndAppointments() throws Exception {
		String page = memberPage(launch("linda-okafor"), "heart-failure-support", "Careplan Linda");
		assertThat(part(page, "conditions")).contains("Heart failure");
		assertThat(part(page, "plans")).contains("Daily weight", "Low-salt diet", "Cardiac rehabilitation",
				"As agreed with your care team", "In progress");
		assertThat(part(page, "goals")).contains("Weigh myself every day and call if I gain 3 pounds", "Improving",
				"Target: Weight gain &lt; 3 lb in 2 days");
		assertThat(part(page, "medications")).contains("Furosemide 40 MG Oral Tablet",
				"Take 1 tablet by mouth every morning");
		assertThat(part(page, "care-team")).contains("Dr. Sarah Lin", "Primary care physician", "Tom Alvarez, LCSW");
		assertThat(part(page, "appointments")).contains("Follow-up visit with Dr. Sarah Lin", "With Dr. Sarah Lin",
				"Support-group check-in with Tom Alvarez");
		assertThat(page).contains("Your care plan");
	}

	@Test
	void aPatientWithTwoConditionsSeesWhatConcernsEachGroupFirst() throws Exception {
		Browserless robert = launch("robert-nguyen");
		String heart = memberPage(robert, "heart-failure-support", "Careplan Robert");
		String lungs = memberPage(robert, "breathing-easier-with-copd", "Careplan Robert");
		assertThat(part(heart, "medications")).containsSubsequence("Furosemide 40 MG Oral Tablet", "albuterol");
		assertThat(part(lungs, "medications")).containsSubsequence("albuterol", "Furosemide 40 MG Oral Tablet");
		assertThat(part(heart, "goals")).containsSubsequence("Weigh myself every day", "Walk to the mailbox");
		assertThat(part(lungs, "goals")).containsSubsequence("Walk to the mailbox", "Weigh myself every day");
		assertThat(part(heart, "conditions")).contains("Heart failure").doesNotContain("COPD");
	}

	@Test
	void aCaregiverSeesThePlanOfThePersonSheCaresFor() throws Exception {
		Browserless grace = launch("grace-brooks");
		String page = memberPage(grace, "caring-for-someone-with-dementia", "Careplan Grace");
		assertThat(page).contains("Care plan of Walter Brooks");
		assertThat(part(page, "plans")).contains("Memory clinic follow-up", "Home safety check",
				"Caregiver respite planning");
		assertThat(part(page, "medications")).contains("Donepezil hydrochloride 10 MG Oral Tablet");
		String preview = grace.get(this.system.kinshipUrl()
				+ "/groups/caring-for-someone-with-dementia/care-plan/share?kind=GOAL&key=walter-brooks-dementia-goal")
			.body();
		assertThat(preview).contains(">A goal we are working on: Keep a steady daily routine at home</textarea>");
	}

	@Test
	void aClinicianLaunchedFromAChartSeesNoPlanBesideADiscussion() throws Exception {
		// the chart's patient is for referring only: never beside a group's discussion
		Browserless clinician = launch("dr-sarah-lin");
		String page = withPanel(clinician,
				clinician.get(this.system.kinshipUrl() + "/groups/living-with-type-2-diabetes").body());
		assertThat(page).contains("id=\"discussion\"")
			.doesNotContain("Care plan of Maria Santos")
			.doesNotContain("Check blood sugar every morning")
			.doesNotContain("Share with the group");
	}

	@Test
	void someoneWhoHasNotJoinedSeesNoPanel() throws Exception {
		HttpResponse<String> page = launch("maria-santos")
			.get(this.system.kinshipUrl() + "/groups/heart-failure-support");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"discussion\"").doesNotContain("id=\"care-plan\"");
	}

	@Test
	void aLongRecordIsFoldedAwayBehindShowMore() throws Exception {
		String page = memberPage(launch("heavy-record"), "living-with-type-2-diabetes", "Careplan Harriet");
		assertThat(part(page, "medications")).contains("Show 46 more").doesNotContain("Read more from the record");
		assertThat(part(page, "plans")).contains("Show 26 more");
	}

	private Browserless launch(String persona) throws Exception {
		Browserless browser = new Browserless();
		HttpResponse<String> home = browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		assertThat(home.statusCode()).isEqualTo(200);
		return browser;
	}

	/** The group's page for a member, joining first unless an earlier test did. */
	private String memberPage(Browserless browser, String group, String displayName) throws Exception {
		String url = this.system.kinshipUrl() + "/groups/" + group;
		String page = browser.get(url).body();
		if (!page.contains("You are a member as")) {
			String form = browser.get(url + "/join").body();
			HttpResponse<String> joined = browser.send(HttpRequest.newBuilder(URI.create(url + "/join"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("displayName=" + encode(displayName)
						+ "&acceptGuidelines=true&_useRealName=on&_caregiverBadge=on&_acceptGuidelines=on&_csrf="
						+ encode(csrf(form))))
				.build());
			assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
			page = browser.get(url).body();
		}
		assertThat(page).contains("id=\"care-plan\"");
		return withPanel(browser, page);
	}

	/**
	 * A group's page as a browser with scripts shows it: followed by the care-plan panel
	 * that its script asks for when the page leaves a place for it.
	 */
	private String withPanel(Browserless browser, String page) throws Exception {
		Matcher place = PANEL_PLACE.matcher(page);
		if (!place.find()) {
			return page;
		}
		HttpResponse<String> panel = browser.get(this.system.kinshipUrl() + place.group(1));
		assertThat(panel.statusCode()).as("the panel the page's script asks for").isEqualTo(200);
		return page + "\n" + panel.body();
	}

	static String part(String page, String slug) {
		int start = page.indexOf("id=\"careplan-" + slug + "\"");
		assertThat(start).as("part " + slug + " of the care-plan panel").isPositive();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String personaNamed(String name) throws Exception {
		String personas = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.system.sandboxUrl() + "/personas")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Map<String, String> byName = new HashMap<>();
		Matcher matcher = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"displayName\":\"([^\"]+)\"").matcher(personas);
		while (matcher.find()) {
			byName.put(matcher.group(2), matcher.group(1));
		}
		assertThat(byName).as("personas from the Synthea import").containsKey(name);
		return byName.get(name);
	}

}
