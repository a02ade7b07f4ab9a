package org.kinship.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation as people see it, in three browsers: a new member's first post waits for the
 * facilitator, whose open queue shows it without a reload; approved, it appears live for
 * the other member. A crisis message shows the sender the crisis resources at once and
 * reaches the facilitator's queue as urgent, with the response time counting down. The
 * queue passes axe-core at desktop size and at 360 px.
 */
class ModerationBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private WebDriver newcomer;

	private WebDriver other;

	private WebDriver facilitator;

	private String slug;

	@BeforeEach
	void groupAndBrowsers() throws Exception {
		this.slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Watched");
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		long groupId = CommunityGroups.id(tom, this.slug);
		tom.submit("/review/groups/" + groupId + "/settings", "settings-form", List.of("newMemberPosts", "1"));
		this.newcomer = Browser.open();
		this.other = Browser.open();
		this.facilitator = Browser.open();
	}

	@AfterEach
	void closeBrowsers() {
		List.of(this.newcomer, this.other, this.facilitator).forEach(WebDriver::quit);
	}

	@Test
	void aNewMembersFirstPostIsApprovedFromTheQueueAndAppearsLiveForTheOthers() throws Exception {
		inGroup(this.newcomer, SandboxPersonas.idOf(this.system, "Evelyn McCullough"), "Evie");
		inGroup(this.other, SandboxPersonas.idOf(this.system, "Tommy Friesen"), "Tom F");
		openQueue();

		String text = "Hi all, first time here " + System.nanoTime();
		send(this.newcomer, text);
		waitFor(this.newcomer,
				By.xpath("//li[contains(@class, 'held') and contains(., 'Waiting for a facilitator: " + text + "')]"));
		assertThat(this.newcomer.findElement(By.id("chat-notice")).getText()).contains("read by a facilitator");

		By item = By.xpath("//li[contains(@class, 'review-item') and contains(., '" + text + "')]");
		waitFor(this.facilitator, item);
		assertThat(this.other.findElements(By.xpath("//div[@class='body' and contains(., '" + text + "')]"))).isEmpty();
		Browser.assertAccessibleAtBothSizes(this.facilitator);
		this.facilitator.findElement(item).findElement(By.xpath(".//button[@value='APPROVE']")).click();
		waitFor(this.facilitator, By.xpath("//p[@role='status' and contains(., 'Approved')]"));

		waitFor(this.other, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		waitFor(this.newcomer, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		assertThat(this.newcomer.findElements(By.xpath("//li[contains(@class, 'held')]"))).isEmpty();
		// another member's message, with its flag button, as the other member sees it
		Browser.assertAccessibleAtBothSizes(this.other);
	}

	@Test
	void aCrisisMessageShowsTheSenderHelpAndReachesTheQueueAsUrgent() throws Exception {
		inGroup(this.newcomer, SandboxPersonas.idOf(this.system, "Dino Barton"), "Dino");
		openQueue();
		String text = "I do not want to be here anymore, I want to end my life " + System.nanoTime();
		send(this.newcomer, text);

		waitFor(this.newcomer, By.cssSelector("#crisis:not([hidden])"));
		assertThat(this.newcomer.findElement(By.id("crisis")).getText()).contains("988").contains("care team");
		By urgent = By.xpath("//li[contains(@class, 'urgent') and contains(., '" + text + "')]");
		waitFor(this.facilitator, urgent);
		assertThat(this.facilitator.findElement(urgent).getText()).contains("Urgent").contains("left to respond");
		this.facilitator.findElement(urgent)
			.findElement(By.xpath(".//button[contains(., 'I will reach out')]"))
			.click();
		waitFor(this.facilitator,
				By.xpath("//li[contains(@class, 'urgent') and contains(., 'Someone is reaching out')]"));
		Browser.assertAccessible(this.newcomer);
	}

	private void openQueue() {
		this.facilitator.get(this.system.sandboxUrl() + "/launch?persona=" + CommunityGroups.FACILITATOR + "&mode=ehr");
		waitFor(this.facilitator, By.id("greeting"));
		this.facilitator.get(this.system.kinshipUrl() + "/review");
		new WebDriverWait(this.facilitator, Duration.ofSeconds(20))
			.until(ExpectedConditions.attributeToBe(By.id("review"), "data-live", "true"));
	}

	private void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + this.slug + "/join");
		browser.findElement(By.id("displayName")).sendKeys(displayName + System.nanoTime() % 10000);
		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

	private static void waitFor(WebDriver browser, By element) {
		Browser.waitFor(browser, element);
	}

}
