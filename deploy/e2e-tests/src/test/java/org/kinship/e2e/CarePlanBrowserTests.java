package org.kinship.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a member sees of their care plan in headless Chromium: beside the discussion at
 * desktop size, and as a tab beside the discussion at 360 px, with details opened on
 * demand and the share preview; every state passes axe-core.
 */
class CarePlanBrowserTests {

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
	void thePanelSitsBesideTheDiscussionOnADesktopAndIsATabOnAPhone() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=" + tommy() + "&mode=ehr");
		Browser.waitFor(this.browser, By.id("greeting"));
		joinOrOpen("heart-failure-support", "Tommy F");
		Browser.waitFor(this.browser, By.id("care-plan"));

		WebElement panel = this.browser.findElement(By.id("care-plan"));
		WebElement discussion = this.browser.findElement(By.id("discussion"));
		assertThat(panel.getText()).contains("Your care plan", "low salt diet education", "Lasix 40mg");
		assertThat(panel.getLocation().getX()).isGreaterThan(discussion.getLocation().getX() + 100);
		assertThat(this.browser.findElement(By.cssSelector("[data-group-tabs]")).isDisplayed()).isFalse();
		Browser.assertAccessible(this.browser);

		this.browser.manage().window().setSize(Browser.PHONE);
		WebElement carePlanTab = this.browser.findElement(By.id("tab-care-plan"));
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(carePlanTab));
		assertThat(hidden(discussion)).isFalse();
		assertThat(panel.isDisplayed()).isFalse();
		Browser.assertAccessible(this.browser);

		carePlanTab.click();
		assertThat(panel.isDisplayed()).isTrue();
		assertThat(hidden(discussion)).isTrue();
		assertThat(carePlanTab.getAttribute("aria-selected")).isEqualTo("true");
		WebElement details = this.browser.findElement(By.cssSelector("#careplan-medications details summary"));
		details.click();
		assertThat(this.browser.findElement(By.cssSelector("#careplan-medications details")).getText())
			.contains("Once a day");
		assertThat(Browser.horizontalOverflow(this.browser)).as("page wider than a 360 px screen")
			.isLessThanOrEqualTo(0L);
		Browser.assertAccessible(this.browser);

		this.browser.findElement(By.id("tab-care-plan")).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
		assertThat(hidden(discussion)).isFalse();
		assertThat(panel.isDisplayed()).isFalse();
		this.browser.manage().window().setSize(Browser.DESKTOP);
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(panel));
		assertThat(hidden(discussion)).isFalse();
		Browser.assertAccessible(this.browser);
	}

	@Test
	void aMemberEditsWhatTheyShareFromTheirPlan() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=" + tommy() + "&mode=ehr");
		Browser.waitFor(this.browser, By.id("greeting"));
		joinOrOpen("heart-failure-support", "Tommy F");
		Browser.waitFor(this.browser, By.id("care-plan"));
		this.browser.findElement(By.cssSelector("#careplan-goals details summary")).click();
		this.browser.findElement(By.cssSelector("#careplan-goals a.careplan-share")).click();
		Browser.waitFor(this.browser, By.id("share-text"));
		WebElement text = this.browser.findElement(By.id("share-text"));
		assertThat(text.getAttribute("value")).startsWith("My goal: ");
		Browser.assertAccessibleAtBothSizes(this.browser);

		text.clear();
		text.sendKeys("My goal: a stronger heart by spring");
		this.browser.findElement(By.id("share-submit")).click();
		// posted as a message of the member's in the group's discussion, nothing else
		Browser.waitFor(this.browser,
				By.xpath("//ol[@id='messages']//div[@class='body' and .='My goal: a stronger heart by spring']"));
		assertThat(this.browser.findElement(By.className("notice")).getText()).isEqualTo("Shared with the group.");
		Browser.assertAccessibleAtBothSizes(this.browser);
	}

	/** The discussion is still empty, so Selenium never counts it as displayed. */
	private static boolean hidden(WebElement element) {
		return Boolean.parseBoolean(element.getDomProperty("hidden"));
	}

	private void joinOrOpen(String group, String name) {
		this.browser.get(this.system.kinshipUrl() + "/groups/" + group);
		Browser.waitFor(this.browser, By.tagName("h1"));
		if (!this.browser.findElements(By.id("join")).isEmpty()) {
			this.browser.findElement(By.id("join")).click();
			Browser.waitFor(this.browser, By.id("join-form"));
			this.browser.findElement(By.id("displayName")).sendKeys(name);
			this.browser.findElement(By.id("acceptGuidelines")).click();
			this.browser.findElement(By.id("join-submit")).click();
			Browser.waitFor(this.browser, By.id("membership"));
		}
	}

	private String tommy() {
		this.browser.get(this.system.sandboxUrl() + "/personas");
		String personas = this.browser.findElement(By.tagName("body")).getText();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("\\{\"id\":\"([^\"]+)\",\"displayName\":\"Tommy Friesen\"")
			.matcher(personas);
		assertThat(matcher.find()).as("Tommy Friesen among the sandbox's personas").isTrue();
		return matcher.group(1);
	}

}
