package org.kinship.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation as people see it, in three browsers: a new member's first post waits for the
 * facilitator, whose open queue shows it without a reload; approved, it appears live for
 * the other member. A crisis message shows the sender the crisis resources at once and
 * reaches the facilitator's queue as urgent, with the response time counting down. The
 * queue passes axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class ModerationBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private String slug;

	@BeforeEach
	void watchedGroup() throws Exception {
		this.system.passChatRateWindow();
		this.slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Watched");
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		long groupId = CommunityGroups.id(tom, this.slug);
		tom.submit("/review/groups/" + groupId + "/settings", "settings-form", List.of("newMemberPosts", "1"));
	}

	@Test
	void aNewMembersFirstPostIsApprovedFromTheQueueAndAppearsLiveForTheOthers(WebDriver newcomer, WebDriver other,
			WebDriver facilitator) throws Exception {
		inGroup(newcomer, SandboxPersonas.idOf(this.system, "Evelyn McCullough"), "Evie");
		inGroup(other, SandboxPersonas.idOf(this.system, "Tommy Friesen"), "Tom F");
		openQueue(facilitator);

		String text = "Hi all, first time here " + System.nanoTime();
		send(newcomer, text);
		waitFor(newcomer,
				By.xpath("//li[contains(@class, 'held') and contains(., 'Waiting for a facilitator: " + text + "')]"));
		assertThat(newcomer.findElement(By.id("chat-notice")).getText()).contains("read by a facilitator");

		By item = By.xpath("//li[contains(@class, 'review-item') and contains(., '" + text + "')]");
		waitFor(facilitator, item);
		assertThat(other.findElements(By.xpath("//div[@class='body' and contains(., '" + text + "')]"))).isEmpty();
		Browser.assertAccessibleAtBothSizes(facilitator);
		facilitator.findElement(item).findElement(By.xpath(".//button[@value='APPROVE']")).click();
		waitFor(facilitator, By.xpath("//p[@role='status' and contains(., 'Approved')]"));

		waitFor(other, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		waitFor(newcomer, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		assertThat(newcomer.findElements(By.xpath("//li[contains(@class, 'held')]"))).isEmpty();
		// another member's message, with its flag button, as the other member sees it
		Browser.assertAccessibleAtBothSizes(other);
	}

	@Test
	void aCrisisMessageShowsTheSenderHelpAndReachesTheQueueAsUrgent(WebDriver newcomer, WebDriver facilitator)
			throws Exception {
		inGroup(newcomer, SandboxPersonas.idOf(this.system, "Dino Barton"), "Dino");
		openQueue(facilitator);
		String text = "I do not want to be here anymore, I want to end my life " + System.nanoTime();
		send(newcomer, text);

		waitFor(newcomer, By.cssSelector("#crisis:not([hidden])"));
		assertThat(newcomer.findElement(By.id("crisis")).getText()).contains("988").contains("care team");
		By urgent = By.xpath("//li[contains(@class, 'urgent') and contains(., '" + text + "')]");
		// the live queue may draw the card again at any moment: each read and the press
		// are
		// made again on a card drawn anew
		String card = Browser.waitUntil(facilitator, (driver) -> driver.findElement(urgent).getText());
		assertThat(card).contains("Urgent").contains("left to respond");
		Browser.waitUntil(facilitator, (driver) -> {
			driver.findElement(urgent).findElement(By.xpath(".//button[contains(., 'I will reach out')]")).click();
			return true;
		});
		waitFor(facilitator, By.xpath("//li[contains(@class, 'urgent') and contains(., 'You have it')]"));
		Browser.assertAccessible(newcomer);
	}

	private void openQueue(WebDriver facilitator) {
		facilitator.get(this.system.sandboxUrl() + "/launch?persona=" + CommunityGroups.FACILITATOR + "&mode=ehr");
		waitFor(facilitator, By.id("greeting"));
		facilitator.get(this.system.kinshipUrl() + "/review");
		Browser.waitUntil(facilitator, ExpectedConditions.attributeToBe(By.id("review"), "data-live", "true"));
	}

	private void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + this.slug + "/join");
		browser.findElement(By.id("displayName")).sendKeys(displayName + System.nanoTime() % 10000);
		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

	private static void waitFor(WebDriver browser, By element) {
		Browser.waitFor(browser, element);
	}

}
