package org.kinship.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator and a member in two browsers on the same group's page: the facilitator
 * starts a facilitator-only live session from the group controls and the member's
 * composer closes at once, saying why; the facilitator pins a message and the member sees
 * it pinned at the top, live. Both pages pass axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class GroupControlsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void aFacilitatorOnlySessionClosesTheMembersComposerAndAPinShowsLive(WebDriver facilitator, WebDriver member)
			throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Browser circle", true);
		group.join("robert-nguyen", "Rob");
		open(member, "robert-nguyen", group);
		open(facilitator, "tom-alvarez", group);
		assertThat(member.findElement(By.id("composer-text")).isEnabled()).isTrue();
		assertThat(member.findElements(By.id("group-controls"))).as("no controls for members").isEmpty();

		facilitator.findElement(By.id("session-title")).sendKeys("Evening check-in");
		facilitator.findElement(By.id("posting-facilitators")).click();
		facilitator.findElement(By.id("schedule-session")).click();
		connected(facilitator);
		Browser.waitFor(facilitator, By.id("live-session"));

		waitFor(member, ExpectedConditions.textToBePresentInElementLocated(By.id("composer-notice"),
				"Only the facilitators post during this live session; it ends at"));
		assertThat(member.findElement(By.id("composer-text")).isEnabled()).isFalse();
		assertThat(member.findElement(By.id("composer-send")).isEnabled()).isFalse();
		Browser.waitFor(member, By.id("live-session"));
		assertThat(member.findElement(By.id("live-session")).getText()).contains("Evening check-in")
			.contains("Only the facilitators post");

		String text = "Tonight: sleep and routines " + System.nanoTime();
		WebElement composer = facilitator.findElement(By.id("composer-text"));
		composer.sendKeys(text);
		composer.sendKeys(Keys.ENTER);
		By sent = By
			.xpath("//ol[@id='messages']/li[contains(@class,'message') and .//div[@class='body' and contains(., '"
					+ text + "')]]");
		Browser.waitFor(facilitator, sent);
		// a message's actions wait behind its one menu
		waitFor(facilitator, ExpectedConditions.elementToBeClickable(By
			.xpath("//ol[@id='messages']/li[.//div[contains(., '" + text + "')]]//details[@class='menu']/summary")))
			.click();
		waitFor(facilitator, ExpectedConditions.elementToBeClickable(By
			.xpath("//ol[@id='messages']/li[.//div[contains(., '" + text + "')]]//button[contains(@class,'pin')]")))
			.click();

		By pinned = By.xpath("//section[@id='pinned']//div[@class='body' and contains(., '" + text + "')]");
		waitFor(member, ExpectedConditions.visibilityOfElementLocated(pinned));
		assertThat(member.findElement(By.id("pinned-heading")).getText()).isEqualTo("Pinned");

		Browser.assertAccessibleAtBothSizes(member);
		Browser.assertAccessibleAtBothSizes(facilitator);
	}

	private void open(WebDriver browser, String persona, StaffedGroup group) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		connected(browser);
	}

	private static void connected(WebDriver browser) {
		waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	private static <T> T waitFor(WebDriver browser, java.util.function.Function<? super WebDriver, T> condition) {
		return Browser.waitUntil(browser, condition);
	}

}
