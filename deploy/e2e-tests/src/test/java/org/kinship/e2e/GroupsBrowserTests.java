package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient sees: groups suggested from their record on the home page, the join page
 * with the group's guidelines, a refusal that keeps what was typed, and membership under
 * a pseudonym; a community manager's cohort preview. Every page passes axe-core at
 * desktop size and at 360 px, the width of a portal's mobile web view.
 */
@ExtendWith(Browsers.class)
class GroupsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void demoPatientJoinsASuggestedGroupUnderAPseudonym(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=patricia-kowalski&mode=ehr");
		Browser.waitFor(browser, By.id("suggestions"));
		WebElement suggestion = browser.findElement(By.cssSelector("#suggestions h3 a"));
		assertThat(suggestion.getText()).isEqualTo("Breathing easier with COPD");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.cssSelector("#suggestions a.button")).click();
		Browser.waitFor(browser, By.id("join-form"));
		assertThat(browser.findElement(By.className("guidelines")).getText()).contains("Be kind");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("displayName")).sendKeys("Sunny Days");
		browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(browser, By.id("problem"));
		assertThat(browser.findElement(By.id("problem")).getText()).contains("tick the box to accept them");
		assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Sunny Days");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(browser, By.id("membership"));
		assertThat(browser.findElement(By.id("membership")).getText()).isEqualTo("You are a member as Sunny Days.");
		assertThat(browser.findElement(By.id("members")).getText()).contains("Sunny Days")
			.doesNotContain("Patricia")
			.doesNotContain("Kowalski");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(this.system.kinshipUrl() + "/");
		Browser.waitFor(browser, By.id("my-groups"));
		assertThat(browser.findElement(By.id("my-groups")).getText()).contains("Breathing easier with COPD");
		assertThat(browser.findElements(By.cssSelector("#suggestions h3"))).isEmpty();
	}

	@Test
	void aCommunityManagersPreviewSaysWhenRecordsWereReadOneByOne(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/manage/groups/new");
		Browser.waitFor(browser, By.id("group-form"));
		browser.findElement(By.id("snomedCodes")).sendKeys("88805009");
		browser.findElement(By.id("preview-button")).click();
		Browser.waitFor(browser, By.id("preview"));
		assertThat(browser.findElement(By.id("preview")).getText()).contains("these codes today");
		assertThat(browser.findElements(By.id("preview-how"))).as("found by search alone: no note").isEmpty();

		browser.findElement(By.id("icd10Codes")).sendKeys("I50.*");
		browser.findElement(By.id("preview-button")).click();
		Browser.waitFor(browser, By.id("preview-how"));
		assertThat(browser.findElement(By.id("preview-how")).getText())
			.contains("ICD-10-CM prefixes cannot be searched for by code");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	@Test
	void directorySearchFindsAGroupByNameAndPassesAccessibilityChecks(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=aisha-rahman&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups?q=pain");
		Browser.waitFor(browser, By.id("directory"));
		assertThat(browser.findElement(By.id("directory")).getText()).contains("Chronic pain community")
			.doesNotContain("Epilepsy circle");
		Browser.assertAccessibleAtBothSizes(browser);
	}

}
