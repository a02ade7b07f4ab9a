package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community manager finds codes by name in the staff forms: the combobox offers the
 * catalogue's matches, puts the chosen code into the form's own field and shows it as a
 * chip that removes it again. The forms pass axe-core at 360 px and at desktop size with
 * the list of matches open.
 */
@ExtendWith(Browsers.class)
class CodePickerBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aManagerAddsAConditionToAGroupByItsNameAndRemovesIt(WebDriver browser) {
		signIn(browser);
		browser.get(this.system.kinshipUrl() + "/manage/groups/new");
		Browser.waitFor(browser, By.id("group-form"));
		WebElement search = shown(browser);

		search.sendKeys("heart fail");
		Browser.waitUntil(browser, (page) -> page.findElement(By.id("code-options")).isDisplayed());
		assertThat(search.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.findElement(By.id("code-options")).getText()).contains("Heart failure")
			.contains("I50.*")
			.doesNotContain("furosemide");
		Browser.assertAccessibleAtBothSizes(browser);

		search.sendKeys(Keys.ARROW_DOWN);
		assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("code-option-0");
		search.sendKeys(Keys.ENTER);

		assertThat(browser.findElement(By.id("group-form")).isDisplayed()).as("Enter chose, did not submit").isTrue();
		assertThat(browser.findElement(By.id("snomedCodes")).getAttribute("value")).isEqualTo("84114007");
		assertThat(browser.findElement(By.id("code-chips")).getText()).contains("Heart failure").contains("84114007");
		assertThat(search.getAttribute("aria-expanded")).isEqualTo("false");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.cssSelector("#code-chips button")).click();
		assertThat(browser.findElement(By.id("snomedCodes")).getAttribute("value")).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#code-chips li"))).isEmpty();
	}

	@Test
	void aManagerChoosesAMedicineForARecordBasedAudience(WebDriver browser) {
		signIn(browser);
		browser.get(this.system.kinshipUrl() + "/manage/broadcasts/new");
		Browser.waitFor(browser, By.id("broadcast-form"));
		browser.findElement(By.id("snomedCodes")).sendKeys("88805009");
		WebElement search = shown(browser);

		search.sendKeys("metformin");
		Browser.waitUntil(browser, (page) -> page.findElement(By.id("code-options")).isDisplayed());
		browser.findElement(By.id("code-option-0")).click();

		assertThat(browser.findElement(By.id("rxnormCodes")).getAttribute("value")).isEqualTo("6809");
		assertThat(browser.findElement(By.id("audience-cohort")).isSelected()).isTrue();
		// a code typed by hand is named once the field is left
		Browser.waitUntil(browser,
				(page) -> page.findElement(By.id("code-chips")).getText().contains("Chronic congestive heart failure"));
		assertThat(browser.findElement(By.id("code-chips")).getText()).contains("metformin");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	private void signIn(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
	}

	private static WebElement shown(WebDriver browser) {
		Browser.waitUntil(browser, (page) -> page.findElement(By.id("code-search")).isDisplayed());
		return browser.findElement(By.id("code-search"));
	}

}
