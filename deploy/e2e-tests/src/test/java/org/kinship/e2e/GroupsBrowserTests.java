package org.kinship.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient sees: groups suggested from their record on the home page, the join page
 * with the group's guidelines, a refusal that keeps what was typed, and membership under
 * a pseudonym. Every page passes axe-core at desktop size and at 360 px, the width of a
 * portal's mobile web view.
 */
class GroupsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void demoPatientJoinsASuggestedGroupUnderAPseudonym() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=patricia-kowalski&mode=ehr");
		Browser.waitFor(this.browser, By.id("suggestions"));
		WebElement suggestion = this.browser.findElement(By.cssSelector("#suggestions h3 a"));
		assertThat(suggestion.getText()).isEqualTo("Breathing easier with COPD");
		Browser.assertAccessibleAtBothSizes(this.browser);

		this.browser.findElement(By.cssSelector("#suggestions a.button")).click();
		Browser.waitFor(this.browser, By.id("join-form"));
		assertThat(this.browser.findElement(By.className("guidelines")).getText()).contains("Be kind");
		Browser.assertAccessibleAtBothSizes(this.browser);

		this.browser.findElement(By.id("displayName")).sendKeys("Sunny Days");
		this.browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(this.browser, By.id("problem"));
		assertThat(this.browser.findElement(By.id("problem")).getText()).contains("tick the box to accept them");
		assertThat(this.browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Sunny Days");
		Browser.assertAccessibleAtBothSizes(this.browser);

		this.browser.findElement(By.id("acceptGuidelines")).click();
		this.browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(this.browser, By.id("membership"));
		assertThat(this.browser.findElement(By.id("membership")).getText())
			.isEqualTo("You are a member as Sunny Days.");
		assertThat(this.browser.findElement(By.id("members")).getText()).contains("Sunny Days")
			.doesNotContain("Patricia")
			.doesNotContain("Kowalski");
		Browser.assertAccessibleAtBothSizes(this.browser);

		this.browser.get(this.system.kinshipUrl() + "/");
		Browser.waitFor(this.browser, By.id("my-groups"));
		assertThat(this.browser.findElement(By.id("my-groups")).getText()).contains("Breathing easier with COPD");
		assertThat(this.browser.findElements(By.cssSelector("#suggestions h3"))).isEmpty();
	}

	@Test
	void directorySearchFindsAGroupByNameAndPassesAccessibilityChecks() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=aisha-rahman&mode=ehr");
		Browser.waitFor(this.browser, By.id("greeting"));
		this.browser.get(this.system.kinshipUrl() + "/groups?q=pain");
		Browser.waitFor(this.browser, By.id("directory"));
		assertThat(this.browser.findElement(By.id("directory")).getText()).contains("Chronic pain community")
			.doesNotContain("Epilepsy circle");
		Browser.assertAccessibleAtBothSizes(this.browser);
	}

}
