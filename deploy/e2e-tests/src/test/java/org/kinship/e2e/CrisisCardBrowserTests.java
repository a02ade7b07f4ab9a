package org.kinship.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Kind;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card of a member who may be in crisis, as the facilitator and the member see it, in
 * two browsers: a new member's crisis message (held as a first post, and urgent) makes
 * one card with the crisis actions and no warning, while the sender sees only the help
 * panel; the facilitator reaches out in a private conversation that both sides follow
 * live, and closes the card with its outcome. Uncertain risk comes to the queue as
 * "please look" while the message is delivered. The queue and the conversation pass
 * axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class CrisisCardBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private String slug;

	@BeforeEach
	void watchedGroup() throws Exception {
		this.system.passChatRateWindow();
		this.slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Crisis");
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		long groupId = CommunityGroups.id(tom, this.slug);
		tom.submit("/review/groups/" + groupId + "/settings", "settings-form", List.of("newMemberPosts", "1"));
	}

	@Test
	void aNewMembersCrisisMessageMakesOneCardTheFacilitatorCanActOn(WebDriver member, WebDriver facilitator)
			throws Exception {
		inGroup(member, SandboxPersonas.idOf(this.system, "Kirsten Witting"), "Kirsten");
		openQueue(facilitator);
		String text = "I can not go on, I want to end my life " + System.nanoTime();
		send(member, text);

		// the sender: the help panel, and their message as written; no welcome, no hold
		waitFor(member, By.cssSelector("#crisis:not([hidden])"));
		waitFor(member, By.xpath("//ol[@id='messages']/li[contains(., '" + text + "')]"));
		assertThat(member.findElement(By.id("chat-notice")).isDisplayed()).isFalse();
		assertThat(member.findElements(By.xpath("//li[contains(@class, 'held')]"))).isEmpty();
		assertThat(member.findElement(By.tagName("body")).getText()).doesNotContain("Welcome!")
			.doesNotContain("Waiting for a facilitator");

		By cards = By.xpath("//li[contains(@class, 'review-item') and contains(., '" + text + "')]");
		waitFor(facilitator, cards);
		assertThat(facilitator.findElements(cards)).as("one card for the message").hasSize(1);
		WebElement card = facilitator.findElement(cards);
		assertThat(card.getText()).contains("Urgent")
			.contains("left to respond")
			.contains("This message is held")
			.contains("Reach out privately")
			.contains("How to reach their care team")
			.contains("Record the outcome")
			.doesNotContain("Warn the author");
		assertThat(card.findElements(By.xpath(".//button[@value='WARN']"))).isEmpty();
		Browser.assertAccessibleAtBothSizes(facilitator);

		facilitator.findElement(cards).findElement(By.xpath(".//button[contains(., 'Reach out privately')]")).click();
		Browser.waitUntil(facilitator, ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
		write(facilitator, "Hi, I saw your message. Are you safe right now?");

		// the member is told at once, on the page they are on
		waitFor(member, By.cssSelector("#conversation-banner:not([hidden])"));
		member.findElement(By.id("conversation-banner-link")).click();
		waitFor(member, By.xpath("//li[contains(., 'Are you safe right now?')]"));
		Browser.waitUntil(member, ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
		write(member, "I am safe for now, thank you");
		waitFor(facilitator, By.xpath("//li[contains(., 'I am safe for now, thank you')]"));
		Browser.assertAccessibleAtBothSizes(member);

		openQueue(facilitator);
		facilitator.findElement(cards).findElement(By.xpath(".//button[@value='APPROVE']")).click();
		waitFor(facilitator, By.xpath("//p[@role='status' and contains(., 'Approved')]"));
		facilitator.findElement(cards).findElement(By.xpath(".//label[contains(., 'Reached the member')]")).click();
		facilitator.findElement(cards).findElement(By.xpath(".//button[contains(., 'Record and close')]")).click();
		waitFor(facilitator, By.xpath("//p[@role='status' and contains(., 'Outcome recorded')]"));
		assertThat(facilitator.findElements(cards)).isEmpty();
	}

	@Test
	void uncertainRiskIsDeliveredAndComesToTheQueueAsPleaseLook(WebDriver member, WebDriver facilitator)
			throws Exception {
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		tom.submit("/review/groups/" + CommunityGroups.id(tom, this.slug) + "/settings", "settings-form",
				List.of("newMemberPosts", "0"));
		inGroup(member, SandboxPersonas.idOf(this.system, "Louis Maggio"), "Louis");
		openQueue(facilitator);
		// a text no detector finds anything in: the finding is put in the queue below,
		// as screening does when it is not sure, so that what the facilitator sees does
		// not
		// depend on which sentences the detectors know
		String text = "Long week, the garden is finally planted " + System.nanoTime();
		send(member, text);
		waitFor(member, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		assertThat(member.findElement(By.id("crisis")).isDisplayed()).isFalse();

		pleaseLook(text);

		By cards = By.xpath("//li[contains(@class, 'review-item') and contains(., '" + text + "')]");
		waitFor(facilitator, cards);
		WebElement card = facilitator.findElement(cards);
		assertThat(card.getText()).contains("Please look")
			.contains("possible crisis")
			.contains("Looked: it is fine")
			.contains("Escalate to urgent")
			.contains("Reach out privately")
			.doesNotContain("Warn the author");
		Browser.assertAccessibleAtBothSizes(facilitator);

		facilitator.findElement(cards).findElement(By.xpath(".//button[contains(., 'Escalate to urgent')]")).click();
		waitFor(facilitator, By.xpath("//p[@role='status' and contains(., 'Raised to urgent')]"));
		assertThat(facilitator.findElement(cards).getText()).contains("Urgent").contains("left to respond");
	}

	/**
	 * What {@code Moderation} puts in the queue for a message whose crisis finding is not
	 * urgent (its unit tests show that it does), for the stored message with this text.
	 */
	private void pleaseLook(String text) {
		Map<String, Object> message = this.system.kinshipBean(JdbcClient.class)
			.sql("SELECT m.id, m.group_id, m.author, g.issuer FROM chat_message m JOIN community_group g "
					+ "ON g.id = m.group_id WHERE m.body = ?")
			.param(text)
			.query()
			.singleRow();
		this.system.kinshipBean(ReviewQueue.class)
			.enqueue((String) message.get("issuer"), ((Number) message.get("group_id")).longValue(),
					((Number) message.get("id")).longValue(), (String) message.get("author"), Kind.LOOK,
					"crisis: possible crisis", null);
	}

	private void openQueue(WebDriver facilitator) {
		if (!facilitator.getCurrentUrl().startsWith(this.system.kinshipUrl())) {
			facilitator.get(this.system.sandboxUrl() + "/launch?persona=" + CommunityGroups.FACILITATOR + "&mode=ehr");
			waitFor(facilitator, By.id("greeting"));
		}
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

	private static void write(WebDriver browser, String text) {
		browser.findElement(By.id("conversation-text")).sendKeys(text);
		browser.findElement(By.id("conversation-text")).sendKeys(Keys.ENTER);
	}

	private static void waitFor(WebDriver browser, By element) {
		Browser.waitFor(browser, element);
	}

}
