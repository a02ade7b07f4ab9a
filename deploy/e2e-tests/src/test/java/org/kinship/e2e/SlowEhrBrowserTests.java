package org.kinship.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow EHR never blocks the group page: with the care-plan, goal and medicine searches
 * answering after five seconds (and held until the member has chatted, so that the order
 * is the same on any machine), the page shows the discussion at once, a message is sent
 * and appears, and the care-plan panel says it is on its way; then the panel arrives with
 * its cards and is announced. Both states pass axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class SlowEhrBrowserTests {

	private static final String GROUP = "/groups/heart-failure-support";

	private final RunningKinship system = RunningKinship.get();

	private final SlowEhr ehr = SlowEhr.get();

	@Test
	void theDiscussionWorksWhileThePanelWaitsForTheRecordThenThePanelArrives(WebDriver browser) {
		this.system.passChatRateWindow();
		this.ehr.hold();
		try {
			launchAndJoin(browser);
			Browser.waitUntil(browser,
					ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
			WebElement panel = browser.findElement(By.id("care-plan"));
			assertThat(panel.getDomAttribute("aria-busy")).as("the panel is on its way").isEqualTo("true");
			assertThat(panel.getText()).contains("Reading the care plan from the health record");
			assertThat(browser.findElements(By.id("careplan-medications"))).isEmpty();
			assertThat(browser.findElement(By.id("careplan-open")).isDisplayed())
				.as("the link for browsers without scripts is hidden")
				.isFalse();
			Browser.assertAccessibleAtBothSizes(browser);

			String text = "Still here while my record loads " + System.nanoTime();
			browser.findElement(By.id("composer-text")).sendKeys(text);
			browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
			Browser.waitFor(browser,
					By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
			assertThat(panel.getDomAttribute("aria-busy")).as("the message came before the panel").isEqualTo("true");
		}
		finally {
			this.ehr.release();
		}

		Browser.waitUntil(browser, ExpectedConditions.attributeToBe(By.id("care-plan"), "aria-busy", "false"));
		WebElement panel = browser.findElement(By.id("care-plan"));
		assertThat(panel.findElement(By.id("careplan-medications")).getText()).contains("Furosemide 40 MG Oral Tablet");
		assertThat(panel.findElement(By.id("careplan-goals")).getText()).contains("Walk to the corner shop and back");
		assertThat(panel.findElement(By.id("careplan-plans")).getText()).contains("Weigh every morning");
		assertThat(panel.getText()).doesNotContain("did not arrive in time").doesNotContain("could not be loaded");
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#care-plan [data-careplan-announce]"), "The care plan has arrived."));
		Browser.assertAccessibleAtBothSizes(browser);

		browser.manage().window().setSize(Browser.PHONE);
		WebElement carePlanTab = browser.findElement(By.id("tab-care-plan"));
		Browser.waitUntil(browser, ExpectedConditions.visibilityOf(carePlanTab));
		carePlanTab.click();
		assertThat(panel.isDisplayed()).isTrue();
		assertThat(panel.findElement(By.id("careplan-medications")).getText()).contains("Furosemide 40 MG Oral Tablet");
		Browser.assertAccessible(browser);
		browser.manage().window().setSize(Browser.DESKTOP);
	}

	private void launchAndJoin(WebDriver browser) {
		browser.get(this.system.kinshipUrl() + "/launch?iss="
				+ URLEncoder.encode(this.ehr.fhirBase(), StandardCharsets.UTF_8) + "&launch=slow-" + System.nanoTime());
		Browser.waitFor(browser, By.id("greeting"));
		assertThat(browser.findElement(By.id("greeting")).getText()).contains("Sam Slowly");
		browser.get(this.system.kinshipUrl() + GROUP);
		Browser.waitFor(browser, By.tagName("h1"));
		if (!browser.findElements(By.id("join")).isEmpty()) {
			browser.findElement(By.id("join")).click();
			Browser.waitFor(browser, By.id("join-form"));
			browser.findElement(By.id("displayName")).sendKeys("Sam S");
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
			Browser.waitFor(browser, By.id("membership"));
		}
	}

}
