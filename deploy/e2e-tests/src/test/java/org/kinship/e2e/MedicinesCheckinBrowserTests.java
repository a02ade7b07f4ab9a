package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.checkins.internal.CheckinStore;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The medicines check-in as a member sees it in headless Chromium, against the sandbox's
 * record: the group's facilitator chooses it; James Carter (metformin for diabetes,
 * ibuprofen for pain) opens it from the group's page on a phone, is asked about each of
 * his own medicines, answers, and saves the answer to his record, where the sandbox then
 * holds a {@code QuestionnaireResponse} carrying the questions he was asked. Every page
 * passes axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class MedicinesCheckinBrowserTests {

	private static final String PATIENT = "james-carter";

	private final RunningKinship system = RunningKinship.get();

	private StaffedGroup group;

	@BeforeEach
	void groupWithTheMedicinesCheckin() throws Exception {
		this.group = StaffedGroup.create(this.system, "Medicines", true);
		HttpResponse<String> chosen = this.group.facilitator.submit("/groups/" + this.group.slug, "checkins-plan-form",
				List.of("chosen", "medication-adherence", "every-medication-adherence", "7"));
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
	}

	@Test
	void aMemberAnswersAboutTheirOwnMedicinesOnAPhoneAndSavesTheAnswerToTheirRecord(WebDriver browser)
			throws Exception {
		long before = responsesOf(PATIENT).size();
		join(browser, "James");
		browser.manage().window().setSize(Browser.PHONE);
		browser.get(this.system.kinshipUrl() + "/groups/" + this.group.slug + "#checkins");
		WebElement link = Browser.waitUntil(browser,
				ExpectedConditions.elementToBeClickable(By.id("checkin-medication-adherence")));
		assertThat(link.getText()).isEqualTo("Your medicines this week");
		link.click();

		Browser.waitFor(browser, By.id("checkin-form"));
		assertThat(browser.findElement(By.id("medicines-prompt")).getText()).contains("each of your medicines");
		assertThat(browser.findElements(By.cssSelector("fieldset.checkin-question legend")))
			.extracting(WebElement::getText)
			.hasSize(2)
			.anySatisfy((legend) -> assertThat(legend).containsIgnoringCase("metformin"))
			.anySatisfy((legend) -> assertThat(legend).containsIgnoringCase("ibuprofen"));
		assertThat(Browser.horizontalOverflow(browser)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		Browser.assertAccessibleAtBothSizes(browser);

		browser.manage().window().setSize(Browser.PHONE);
		choose(browser, "metformin", "Missed some doses");
		choose(browser, "ibuprofen", "Taken as prescribed");
		browser.findElement(By.id("checkin-submit")).click();

		Browser.waitFor(browser, By.id("medicine-answers"));
		assertThat(browser.findElements(By.id("crisis"))).as("missed doses are no distress").isEmpty();
		assertThat(browser.findElement(By.id("checkin-score")).getText())
			.contains("Not every medicine taken as prescribed");
		assertThat(browser.findElement(By.id("medicine-answers")).getText()).contains("Missed some doses",
				"Taken as prescribed");
		assertThat(browser.findElement(By.id("record-status")).getText())
			.isEqualTo("These answers are only in Kinship.");
		assertThat(Browser.horizontalOverflow(browser)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		Browser.assertAccessibleAtBothSizes(browser);

		browser.manage().window().setSize(Browser.PHONE);
		String action = browser.findElement(By.id("record-form")).getAttribute("action");
		long answerId = Long.parseLong(action.replaceAll(".*/answers/([0-9]+)/record$", "$1"));
		browser.findElement(By.id("record-submit")).click();
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("record-status"),
				"These answers are saved in your health record."));
		assertThat(browser.findElement(By.id("checkin-saved")).getText()).isEqualTo("Saved to your health record.");
		Browser.assertAccessibleAtBothSizes(browser);

		// the EHR saved it but its reply was lost: the member is told so and tries again,
		// and the record still holds the answer once
		this.system.kinshipBean(CheckinStore.class).recorded(answerId, "UNANSWERED", null);
		browser.navigate().refresh();
		Browser.waitFor(browser, By.id("record-status"));
		assertThat(browser.findElement(By.id("record-status")).getText())
			.startsWith("Your health record did not answer last time");
		WebElement again = browser.findElement(By.id("record-submit"));
		assertThat(again.getText()).isEqualTo("Try saving to my health record again");
		again.click();
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("record-status"),
				"These answers are saved in your health record."));

		List<QuestionnaireResponse> responses = responsesOf(PATIENT);
		assertThat(responses).hasSize((int) before + 1);
		QuestionnaireResponse saved = responses.get(responses.size() - 1);
		assertThat(saved.getIdentifier().getSystem()).isEqualTo("urn:kinship:checkin-answer");
		assertThat(saved.getIdentifier().getValue()).isEqualTo(String.valueOf(answerId));
		assertThat(saved.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		Questionnaire asked = saved.getContained()
			.stream()
			.filter(Questionnaire.class::isInstance)
			.map(Questionnaire.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(asked.getItem()).hasSize(2);
		assertThat(saved.getItem()).extracting((item) -> ((Coding) item.getAnswerFirstRep().getValue()).getCode())
			.containsExactlyInAnyOrder("missed-doses", "taken-as-prescribed");
		assertThat(saved.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
			.allSatisfy((linkId) -> assertThat(linkId).startsWith("med-" + PATIENT));
	}

	private List<QuestionnaireResponse> responsesOf(String patient) {
		return this.system.sandboxBean(ResourceStore.class)
			.all("QuestionnaireResponse")
			.stream()
			.map(QuestionnaireResponse.class::cast)
			.filter((response) -> ("Patient/" + patient).equals(response.getSubject().getReference()))
			.filter((response) -> response.getQuestionnaire().startsWith("#"))
			.toList();
	}

	private void join(WebDriver browser, String displayName) {
		browser.manage().window().setSize(Browser.DESKTOP);
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + PATIENT + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + this.group.slug + "/join");
		Browser.waitFor(browser, By.id("displayName"));
		browser.findElement(By.id("displayName")).sendKeys(displayName + System.nanoTime() % 10000);
		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(browser, By.id("membership"));
	}

	private static void choose(WebDriver browser, String medicine, String answer) {
		browser.findElement(By.xpath("//fieldset[contains(translate(legend, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
				+ "'abcdefghijklmnopqrstuvwxyz'), '" + medicine + "')]//label[normalize-space(.)='" + answer + "']"))
			.click();
	}

}
