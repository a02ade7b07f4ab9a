package org.kinship.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator and a member in two browsers on the same group's page: the facilitator
 * starts a facilitator-only live session from the group controls and the member's
 * composer closes at once, saying why; the facilitator pins a message and the member sees
 * it pinned at the top, live. Both pages pass axe-core at desktop size and at 360 px.
 */
class GroupControlsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private WebDriver facilitator;

	private WebDriver member;

	@BeforeEach
	void openBrowsers() {
		this.facilitator = Browser.open();
		this.member = Browser.open();
	}

	@AfterEach
	void closeBrowsers() {
		this.facilitator.quit();
		this.member.quit();
	}

	@Test
	void aFacilitatorOnlySessionClosesTheMembersComposerAndAPinShowsLive() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Browser circle", true);
		group.join("robert-nguyen", "Rob");
		open(this.member, "robert-nguyen", group);
		open(this.facilitator, "tom-alvarez", group);
		assertThat(this.member.findElement(By.id("composer-text")).isEnabled()).isTrue();
		assertThat(this.member.findElements(By.id("group-controls"))).as("no controls for members").isEmpty();

		this.facilitator.findElement(By.id("session-title")).sendKeys("Evening check-in");
		this.facilitator.findElement(By.id("posting-facilitators")).click();
		this.facilitator.findElement(By.id("schedule-session")).click();
		connected(this.facilitator);
		Browser.waitFor(this.facilitator, By.id("live-session"));

		waitFor(this.member, ExpectedConditions.textToBePresentInElementLocated(By.id("composer-notice"),
				"Only the facilitators post during this live session; it ends at"));
		assertThat(this.member.findElement(By.id("composer-text")).isEnabled()).isFalse();
		assertThat(this.member.findElement(By.id("composer-send")).isEnabled()).isFalse();
		Browser.waitFor(this.member, By.id("live-session"));
		assertThat(this.member.findElement(By.id("live-session")).getText()).contains("Evening check-in")
			.contains("Only the facilitators post");

		String text = "Tonight: sleep and routines " + System.nanoTime();
		WebElement composer = this.facilitator.findElement(By.id("composer-text"));
		composer.sendKeys(text);
		composer.sendKeys(Keys.ENTER);
		By sent = By
			.xpath("//ol[@id='messages']/li[contains(@class,'message') and .//div[@class='body' and contains(., '"
					+ text + "')]]");
		Browser.waitFor(this.facilitator, sent);
		waitFor(this.facilitator, ExpectedConditions.elementToBeClickable(By
			.xpath("//ol[@id='messages']/li[.//div[contains(., '" + text + "')]]//button[contains(@class,'pin')]")))
			.click();

		By pinned = By.xpath("//section[@id='pinned']//div[@class='body' and contains(., '" + text + "')]");
		waitFor(this.member, ExpectedConditions.visibilityOfElementLocated(pinned));
		assertThat(this.member.findElement(By.id("pinned-heading")).getText()).isEqualTo("Pinned");

		Browser.assertAccessibleAtBothSizes(this.member);
		Browser.assertAccessibleAtBothSizes(this.facilitator);
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
		try {
			return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("Not seen on " + browser.getCurrentUrl() + "; console:\n"
					+ Browser.console(browser) + "\n" + browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

}
