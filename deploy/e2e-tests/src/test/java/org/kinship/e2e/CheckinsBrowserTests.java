package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.insights.InsightsRefresh;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-ins, trends and insights as a member sees them in headless Chromium: the group's
 * facilitator chooses PHQ-2; a member answers it from the group's page on a phone, and an
 * answer over the threshold shows the crisis resources first; their trends page charts
 * the score with a table beside it; the group's insights page shows its figures, every
 * count under 11 as "fewer than 11". Every page passes axe-core at 360 px and at desktop
 * size.
 */
@ExtendWith(Browsers.class)
class CheckinsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private StaffedGroup group;

	@BeforeEach
	void groupWithPhq2() throws Exception {
		this.group = StaffedGroup.create(this.system, "Check-ins", true);
		HttpResponse<String> chosen = this.group.facilitator.submit("/groups/" + this.group.slug, "checkins-plan-form",
				List.of("chosen", "phq-2", "every-phq-2", "14", "chosen", "breathlessness", "every-breathlessness",
						"7"));
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
		assertThat(this.group.facilitator.follow(chosen).body()).contains("The group&#39;s check-ins are saved.");
	}

	@Test
	void aMemberAnswersOnAPhoneAndSeesTheCrisisResourcesAndTheirTrend(WebDriver browser) throws Exception {
		join(browser, SandboxPersonas.idOf(this.system, "Robby Becker"), "Robby");
		browser.manage().window().setSize(Browser.PHONE);
		browser.get(this.system.kinshipUrl() + "/groups/" + this.group.slug + "#checkins");
		// on a phone the link to the group's check-ins opens the tab they are behind
		WebElement phq2 = Browser.waitUntil(browser,
				ExpectedConditions.visibilityOfElementLocated(By.id("checkin-phq-2")));
		assertThat(browser.findElement(By.id("tab-about")).getAttribute("aria-selected")).isEqualTo("true");
		assertThat(browser.findElement(By.id("checkins-due")).getText()).contains("PHQ-2", "Due now");
		assertThat(browser.findElements(By.id("checkins-plan-form"))).as("members do not choose").isEmpty();
		Browser.assertAccessibleAtBothSizes(browser);

		browser.manage().window().setSize(Browser.PHONE);
		browser.findElement(By.id("tab-about")).click();
		phq2 = Browser.waitUntil(browser, ExpectedConditions.elementToBeClickable(By.id("checkin-phq-2")));
		phq2.click();
		Browser.waitFor(browser, By.id("checkin-form"));
		assertThat(Browser.horizontalOverflow(browser)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		Browser.assertAccessibleAtBothSizes(browser);

		browser.manage().window().setSize(Browser.PHONE);
		// more than half the days, and several days: 2 + 1 = 3, at the threshold
		choose(browser, "phq2-1", "More than half the days");
		choose(browser, "phq2-2", "Several days");
		browser.findElement(By.id("checkin-submit")).click();

		Browser.waitFor(browser, By.id("crisis"));
		assertThat(browser.findElement(By.id("crisis")).getText()).contains("You are not alone", "988", "911");
		assertThat(browser.findElement(By.id("crisis")).getLocation().getY())
			.as("the crisis resources come before the score")
			.isLessThan(browser.findElement(By.id("checkin-score")).getLocation().getY());
		assertThat(browser.findElement(By.id("checkin-score")).getText()).contains("Score: 3.")
			.contains("At or over the level");
		assertThat(browser.findElement(By.id("record-status")).getText())
			.isEqualTo("These answers are only in Kinship.");
		assertThat(Browser.horizontalOverflow(browser)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("trends-link")).click();
		Browser.waitFor(browser, By.id("score-phq-2"));
		WebElement trend = browser.findElement(By.id("score-phq-2"));
		assertThat(trend.findElement(By.cssSelector("svg.chart title")).getAttribute("textContent"))
			.isEqualTo("Your PHQ-2: mood over the last two weeks scores over time");
		assertThat(trend.findElements(By.cssSelector("svg.chart .point"))).hasSize(1);
		trend.findElement(By.tagName("summary")).click();
		assertThat(trend.findElement(By.cssSelector("table tbody")).getText()).contains("3");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	@Test
	void aMemberContributesAndSeesTheGroupsInsights(WebDriver browser) throws Exception {
		join(browser, SandboxPersonas.idOf(this.system, "Merlin Howell"), "Merlin");
		browser.manage().window().setSize(Browser.PHONE);
		browser.get(this.system.kinshipUrl() + "/checkins/groups/" + this.group.id + "/breathlessness");
		Browser.waitFor(browser, By.id("a-breath-1"));
		browser.findElement(By.id("a-breath-1")).sendKeys("5");
		browser.findElement(By.id("checkin-submit")).click();
		Browser.waitFor(browser, By.id("checkin-score"));
		assertThat(browser.findElement(By.id("checkin-score")).getText()).contains("Score: 5.", "Moderate.");
		assertThat(browser.findElements(By.id("crisis"))).isEmpty();
		// back to the group's page, on the tab that holds its check-ins
		browser.findElement(By.linkText("Back to the group")).click();
		Browser.waitFor(browser, By.id("membership"));
		browser.findElement(By.id("tab-about")).click();
		Browser.waitUntil(browser, ExpectedConditions.elementToBeClickable(By.id("insights-link"))).click();
		Browser.waitFor(browser, By.id("contribution-form"));
		assertThat(browser.findElement(By.id("insights-none")).getText()).contains("have not been computed yet");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("contribution-submit")).click();
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("contribution-state"), "You contribute"));
		this.system.kinshipBean(InsightsRefresh.class).refreshAll();
		browser.navigate().refresh();
		Browser.waitFor(browser, By.id("insights-members"));
		// one member, and one contributor: a count under 11 is never shown
		assertThat(browser.findElement(By.id("insights-members")).getText()).isEqualTo("fewer than 11");
		assertThat(browser.findElement(By.id("insights-contributors")).getText()).isEqualTo("fewer than 11");
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContainPattern("\\b[1-9] to ");
		assertThat(browser.findElement(By.id("insights-scores")).getText()).contains("Breathlessness this week")
			.contains("fewer than 11")
			.doesNotContain("breathlessness");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("contribution-submit")).click();
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("contribution-state"),
				"You do not contribute"));
	}

	private void join(WebDriver browser, String persona, String displayName) {
		browser.manage().window().setSize(Browser.DESKTOP);
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + this.group.slug + "/join");
		Browser.waitFor(browser, By.id("displayName"));
		browser.findElement(By.id("displayName")).sendKeys(displayName + System.nanoTime() % 10000);
		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		Browser.waitFor(browser, By.id("membership"));
	}

	private static void choose(WebDriver browser, String question, String answer) {
		browser
			.findElement(By.xpath("//fieldset[@id='q-" + question + "']//label[normalize-space(.)='" + answer + "']"))
			.click();
	}

}
