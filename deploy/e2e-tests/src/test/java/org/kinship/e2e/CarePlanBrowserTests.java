package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a member sees of their care plan in headless Chromium: beside the discussion at
 * desktop size, and as a tab beside the discussion at 360 px, with details opened on
 * demand and the share preview; every state passes axe-core.
 */
@ExtendWith(Browsers.class)
class CarePlanBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void thePanelSitsBesideTheDiscussionOnADesktopAndIsATabOnAPhone(WebDriver browser) throws Exception {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + tommy() + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		joinOrOpen(browser, "heart-failure-support", "Tommy F");
		Browser.waitForCarePlan(browser);

		WebElement panel = browser.findElement(By.id("care-plan"));
		WebElement discussion = browser.findElement(By.id("discussion"));
		assertThat(panel.getText()).contains("Your care plan", "low salt diet education", "Lasix 40mg");
		assertThat(panel.getLocation().getX()).isGreaterThan(discussion.getLocation().getX() + 100);
		assertThat(browser.findElement(By.cssSelector("[data-group-tabs]")).isDisplayed()).isFalse();
		Browser.assertAccessible(browser);

		browser.manage().window().setSize(Browser.PHONE);
		WebElement carePlanTab = browser.findElement(By.id("tab-care-plan"));
		Browser.waitUntil(browser, ExpectedConditions.visibilityOf(carePlanTab));
		assertThat(hidden(discussion)).isFalse();
		assertThat(panel.isDisplayed()).isFalse();
		Browser.assertAccessible(browser);

		carePlanTab.click();
		assertThat(panel.isDisplayed()).isTrue();
		assertThat(hidden(discussion)).isTrue();
		assertThat(carePlanTab.getAttribute("aria-selected")).isEqualTo("true");
		WebElement details = browser.findElement(By.cssSelector("#careplan-medications details summary"));
		details.click();
		assertThat(browser.findElement(By.cssSelector("#careplan-medications details")).getText())
			.contains("Once a day");
		assertThat(Browser.horizontalOverflow(browser)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		Browser.assertAccessible(browser);

		browser.findElement(By.id("tab-care-plan")).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
		assertThat(hidden(discussion)).isFalse();
		assertThat(panel.isDisplayed()).isFalse();
		browser.manage().window().setSize(Browser.DESKTOP);
		Browser.waitUntil(browser, ExpectedConditions.visibilityOf(panel));
		assertThat(hidden(discussion)).isFalse();
		Browser.assertAccessible(browser);
	}

	@Test
	void aMemberEditsWhatTheyShareFromTheirPlan(WebDriver browser) throws Exception {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + tommy() + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		joinOrOpen(browser, "heart-failure-support", "Tommy F");
		Browser.waitForCarePlan(browser);
		browser.findElement(By.cssSelector("#careplan-goals details summary")).click();
		browser.findElement(By.cssSelector("#careplan-goals a.careplan-share")).click();
		Browser.waitFor(browser, By.id("share-text"));
		WebElement text = browser.findElement(By.id("share-text"));
		assertThat(text.getAttribute("value")).startsWith("My goal: ");
		Browser.assertAccessibleAtBothSizes(browser);

		text.clear();
		text.sendKeys("My goal: a stronger heart by spring");
		browser.findElement(By.id("share-submit")).click();
		// posted as a message of the member's in the group's discussion, nothing else
		Browser.waitFor(browser,
				By.xpath("//ol[@id='messages']//div[@class='body' and .='My goal: a stronger heart by spring']"));
		assertThat(browser.findElement(By.className("notice")).getText()).isEqualTo("Shared with the group.");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	/** The discussion is still empty, so Selenium never counts it as displayed. */
	private static boolean hidden(WebElement element) {
		return Boolean.parseBoolean(element.getDomProperty("hidden"));
	}

	private void joinOrOpen(WebDriver browser, String group, String name) {
		browser.get(this.system.kinshipUrl() + "/groups/" + group);
		Browser.waitFor(browser, By.tagName("h1"));
		if (!browser.findElements(By.id("join")).isEmpty()) {
			browser.findElement(By.id("join")).click();
			Browser.waitFor(browser, By.id("join-form"));
			browser.findElement(By.id("displayName")).sendKeys(name);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
			Browser.waitFor(browser, By.id("membership"));
		}
	}

	/** Synthea gives Tommy his id; the sandbox's list of people says which it is. */
	private String tommy() throws Exception {
		return SandboxPersonas.idOf(this.system, "Tommy Friesen");
	}

}
