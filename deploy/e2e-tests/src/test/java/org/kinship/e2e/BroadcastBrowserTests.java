package org.kinship.e2e;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members with Kinship open in two browsers: an urgent broadcast to the heart-failure
 * cohort appears at once in both, in the banner and the unread badge, without reloading;
 * one of them reads it and confirms. The pages pass axe-core at 360 px and at desktop
 * size.
 */
@ExtendWith(Browsers.class)
class BroadcastBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void anUrgentBroadcastAppearsLiveForOnlineMembersWhoConfirmIt(WebDriver linda, WebDriver robert) throws Exception {
		online(linda, "linda-okafor");
		online(robert, "robert-nguyen");

		String title = "Heat warning " + UUID.randomUUID().toString().substring(0, 8);
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		List<String> fields = BroadcastEndToEndIntegrationTests.form(title, "URGENT", "COHORT", "88805009");
		var sent = manager.submit("/manage/broadcasts/new", "broadcast-form",
				BroadcastEndToEndIntegrationTests.with(fields, "action", "send"));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

		for (WebDriver browser : List.of(linda, robert)) {
			Browser.waitUntil(browser,
					ExpectedConditions.textToBePresentInElementLocated(By.id("broadcast-banner-region"), title));
			assertThat(browser.findElement(By.id("broadcast-unread")).isDisplayed()).isTrue();
		}
		Browser.assertAccessibleAtBothSizes(linda);

		linda.findElement(By.cssSelector("#broadcast-banner a")).click();
		Browser.waitFor(linda, By.id("acknowledge"));
		assertThat(linda.findElement(By.id("broadcast-body")).getText()).contains("Stay in the shade");
		Browser.assertAccessibleAtBothSizes(linda);
		linda.findElement(By.id("acknowledge")).click();
		Browser.waitFor(linda, By.id("acknowledged"));
		assertThat(linda.findElements(By.id("broadcast-banner"))).as("acknowledged: banner gone").isEmpty();
		linda.get(this.system.kinshipUrl() + "/broadcasts");
		Browser.waitFor(linda, By.id("inbox"));
		assertThat(linda.findElement(By.id("inbox")).getText()).contains(title);
		Browser.assertAccessibleAtBothSizes(linda);

		String dashboard = manager.get("/manage/broadcasts").body();
		assertThat(dashboard).contains(title);
	}

	@Test
	void theComposeAndTrackingPagesAreAccessible(WebDriver browser) throws Exception {
		browser.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/manage/broadcasts/new");
		Browser.waitFor(browser, By.id("broadcast-form"));
		Browser.assertAccessibleAtBothSizes(browser);
		browser.findElement(By.id("title")).sendKeys("Clinic hours " + UUID.randomUUID().toString().substring(0, 8));
		browser.findElement(By.id("body")).sendKeys("The clinic opens at 8 from Monday.");
		browser.findElement(By.id("audience-cohort")).click();
		browser.findElement(By.id("snomedCodes")).sendKeys("88805009");
		browser.findElement(By.id("preview")).click();
		Browser.waitFor(browser, By.id("audience-size"));
		Browser.assertAccessibleAtBothSizes(browser);
		browser.findElement(By.id("send")).click();
		Browser.waitFor(browser, By.id("tracking"));
		Browser.assertAccessibleAtBothSizes(browser);
		browser.findElement(By.id("pending-link")).click();
		Browser.waitFor(browser, By.id("pending-count"));
		Browser.assertAccessibleAtBothSizes(browser);
		browser.get(this.system.kinshipUrl() + "/manage/broadcasts");
		Browser.waitFor(browser, By.id("broadcasts"));
		Browser.assertAccessibleAtBothSizes(browser);
	}

	private void online(WebDriver browser, String persona) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		try {
			new WebDriverWait(browser, Browser.PATIENCE)
				.until(ExpectedConditions.attributeToBe(By.id("broadcast-banner-region"), "data-connected", "true"));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("Broadcasts did not connect; console:\n" + Browser.console(browser), ex);
		}
	}

}
