package org.kinship.e2e;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads, search, private conversations and time zones as members and a facilitator see
 * them, in headless Chromium: a thread opens from a reply's quote and follows the
 * discussion; search finds a message of one's own group and never one of a group one is
 * not in, and leads to it; a member writes privately to the facilitator, who answers
 * live; a member blocks another; a member whose browser is in Chicago reads times there.
 * Every page passes axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class ConversationsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	private String slug;

	@BeforeEach
	void group() throws Exception {
		this.system.passChatRateWindow();
		this.slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Threads");
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		long groupId = CommunityGroups.id(tom, this.slug);
		tom.submit("/review/groups/" + groupId + "/settings", "settings-form", List.of("newMemberPosts", "0"));
	}

	@Test
	void aThreadOpensFromAReply(WebDriver asker, WebDriver answerer) throws Exception {
		String askerName = inGroup(asker, "maria-santos", "Asker", this.slug);
		inGroup(answerer, "aisha-rahman", "Answerer", this.slug);
		String question = "What helps you sleep after a long day " + UUID.randomUUID();
		send(asker, question);
		By questionItem = By
			.xpath("//ol[@id='messages']/li[contains(@class, 'message') and contains(., '" + question + "')]");
		Browser.waitFor(answerer, questionItem);

		// a message's actions wait behind its one menu
		WebElement asked = answerer.findElement(questionItem);
		asked.findElement(By.cssSelector("details.menu > summary")).click();
		asked.findElement(By.xpath(".//button[text()='Reply']")).click();
		send(answerer, "A warm bath and a book");
		By quoted = By.xpath("//ol[@id='messages']/li[contains(., 'A warm bath and a book')]//button[@class='quote']");
		Browser.waitFor(asker, quoted);
		assertThat(asker.findElement(quoted).getText()).contains(question);
		Browser.waitFor(asker, By.xpath("//ol[@id='messages']/li[contains(., '" + question
				+ "')]//button[contains(@class, 'thread-link') and text()='1 reply']"));

		asker.findElement(quoted).click();
		Browser.waitUntil(asker, ExpectedConditions.visibilityOfElementLocated(By.id("thread-messages")));
		Browser.waitFor(asker, By.xpath("//ol[@id='thread-messages']/li[contains(., 'A warm bath and a book')]"));
		assertThat(asker.findElements(By.cssSelector("#thread-messages > li"))).hasSize(2);
		assertThat(asker.findElement(By.cssSelector("#thread-messages > li")).getText()).contains(question);
		Browser.assertAccessibleAtBothSizes(asker);

		// the thread follows the discussion live, and writes into it
		WebElement answered = answerer
			.findElement(By.xpath("//ol[@id='messages']/li[contains(., 'A warm bath and a book')]"));
		answered.findElement(By.cssSelector("details.menu > summary")).click();
		answered.findElement(By.xpath(".//button[text()='Reply']")).click();
		send(answerer, "And no screens after nine");
		Browser.waitFor(asker, By.xpath("//ol[@id='thread-messages']/li[contains(., 'And no screens after nine')]"));
		asker.findElement(By.id("thread-text")).sendKeys("Thank you both", Keys.ENTER);
		Browser.waitFor(answerer,
				By.xpath("//ol[@id='messages']/li[contains(., 'Thank you both')]//button[@class='quote']"));

		// a mention offers the group's members by their names there
		WebElement composer = answerer.findElement(By.id("composer-text"));
		composer.sendKeys("Glad it helps @" + askerName.substring(0, 4));
		Browser.waitFor(answerer,
				By.xpath("//ul[@id='composer-text-mentions']/li[@role='option' and text()='" + askerName + "']"));
		composer.sendKeys(Keys.ENTER);
		assertThat(composer.getDomProperty("value")).isEqualTo("Glad it helps @" + askerName + " ");
		composer.sendKeys(Keys.ENTER);
		Browser.waitFor(asker, By
			.xpath("//ol[@id='messages']/li[contains(@class, 'mentions-me') and contains(., " + "'Glad it helps')]"));
	}

	@Test
	void searchFindsOnesOwnGroupsMessagesAndNeverAnotherGroups(WebDriver member, WebDriver elsewhere) throws Exception {
		String otherSlug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Other");
		LaunchedPerson tom = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		tom.submit("/review/groups/" + CommunityGroups.id(tom, otherSlug) + "/settings", "settings-form",
				List.of("newMemberPosts", "0"));
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		inGroup(member, "emily-chen", "Seeker", this.slug);
		inGroup(elsewhere, "linda-okafor", "Stranger", otherSlug);
		send(member, "Magnesium " + word + " helped my migraines");
		send(elsewhere, "Magnesium " + word + " did nothing for me");
		Browser.waitFor(member, By.xpath("//ol[@id='messages']/li[contains(., 'helped my migraines')]"));
		Browser.waitFor(elsewhere, By.xpath("//ol[@id='messages']/li[contains(., 'did nothing for me')]"));

		member.findElement(By.id("chat-search-link")).click();
		member.findElement(By.id("search-q")).sendKeys("magnesium " + word, Keys.ENTER);
		Browser.waitFor(member, By.id("search-results"));
		assertThat(member.findElement(By.id("search-results")).getText()).contains("helped my migraines")
			.doesNotContain("did nothing for me");
		assertThat(member.findElements(By.cssSelector("#search-results > li"))).hasSize(1);
		Browser.assertAccessibleAtBothSizes(member);

		member.findElement(By.cssSelector("#search-results a.search-hit-link")).click();
		Browser.waitFor(member, By.xpath("//li[contains(@class, 'target') and contains(., 'helped my migraines')]"));

		// not by asking for the other group either
		member.get(this.system.kinshipUrl() + "/search?q=" + word + "&group=" + CommunityGroups.id(tom, otherSlug));
		assertThat(member.findElements(By.id("search-results"))).isEmpty();
		assertThat(member.findElement(By.id("search-results-heading")).getText()).startsWith("No messages");
	}

	@Test
	void aMemberTalksPrivatelyWithTheFacilitator(WebDriver member, WebDriver facilitator) throws Exception {
		inGroup(member, SandboxPersonas.idOf(this.system, "Mafalda Turcotte"), "Mafalda", this.slug);
		member.findElement(By.cssSelector("#write-to-staff button")).click();
		Browser.waitUntil(member, ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
		write(member, "Could we talk about the meeting on Friday?");
		Browser.waitFor(member, By.xpath("//ol[@id='conversation-messages']/li[contains(., 'Friday?')]"));
		Browser.assertAccessibleAtBothSizes(member);

		facilitator.get(this.system.sandboxUrl() + "/launch?persona=" + CommunityGroups.FACILITATOR + "&mode=ehr");
		Browser.waitFor(facilitator, By.id("greeting"));
		facilitator.get(this.system.kinshipUrl() + "/conversations");
		WebElement listed = facilitator.findElement(By.xpath("//ul[@id='conversations']/li[contains(., 'New')]"
				+ "//a[starts-with(., 'Private conversation with Mafalda')]"));
		Browser.assertAccessibleAtBothSizes(facilitator);
		listed.click();
		Browser.waitUntil(facilitator, ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
		assertThat(facilitator.findElement(By.id("conversation-messages")).getText()).contains("Friday?");
		write(facilitator, "Of course. What would help?");

		Browser.waitFor(member, By.xpath("//ol[@id='conversation-messages']/li[contains(., 'What would help?')]"));
	}

	@Test
	void aMemberBlocksAnotherWhereMembersMayTalk(WebDriver blocker, WebDriver blocked) throws Exception {
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		manager.submit("/conversations/settings", "conversations-settings-form", List.of("membersMayTalk", "true"));
		try {
			String blockerName = inGroup(blocker, SandboxPersonas.idOf(this.system, "Robby Becker"), "Robby",
					this.slug);
			inGroup(blocked, SandboxPersonas.idOf(this.system, "Adalberto Hartmann"), "Adalberto", this.slug);

			blocked.get(this.system.kinshipUrl() + "/groups/" + this.slug + "/profile?name=" + blockerName);
			assertThat(blocked.findElement(By.id("profile-name")).getText()).isEqualTo(blockerName);
			assertThat(blocked.findElement(By.id("profile-in-common")).getText()).contains("Threads");
			Browser.assertAccessibleAtBothSizes(blocked);
			blocked.findElement(By.cssSelector("#write-to-member button")).click();
			Browser.waitUntil(blocked, ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
			write(blocked, "Hi, want to be friends?");
			Browser.waitFor(blocked, By.xpath("//ol[@id='conversation-messages']/li[contains(., 'friends?')]"));
			String conversation = blocked.getCurrentUrl();

			blocker.get(conversation);
			Browser.waitFor(blocker, By.xpath("//ol[@id='conversation-messages']/li[contains(., 'friends?')]"));
			Browser.assertAccessibleAtBothSizes(blocker);
			blocker.findElement(By.id("block-button")).click();
			Browser.waitFor(blocker, By.xpath("//button[@id='block-button' and starts-with(., 'Unblock')]"));

			blocked.get(conversation);
			Browser.waitFor(blocked, By.id("conversation-closed"));
			assertThat(blocked.findElements(By.id("conversation-form"))).isEmpty();
			blocked.get(this.system.kinshipUrl() + "/groups/" + this.slug + "/profile?name=" + blockerName);
			assertThat(blocked.findElements(By.id("write-to-member"))).isEmpty();

			blocker.findElement(By.id("block-button")).click();
			Browser.waitFor(blocker, By.xpath("//button[@id='block-button' and starts-with(., 'Block')]"));
		}
		finally {
			manager.submit("/conversations/settings", "conversations-settings-form",
					List.of("membersMayTalk", "false"));
		}
	}

	@Test
	void timesAreShownInTheMembersTimeZone(WebDriver member) throws Exception {
		((HasCdp) member).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Chicago"));
		inGroup(member, SandboxPersonas.idOf(this.system, "Oralia Stark"), "Oralia", this.slug);
		send(member, "What time is it where you are?");
		By time = By.xpath("//ol[@id='messages']/li[contains(., 'where you are?')]//time");
		Browser.waitFor(member, time);

		member.get(this.system.kinshipUrl() + "/settings/time-zone");
		assertThat(member.findElement(By.cssSelector("#time-zone option[selected]")).getAttribute("value"))
			.as("the browser's zone, stored")
			.isEqualTo("America/Chicago");
		Browser.assertAccessibleAtBothSizes(member);

		member.get(this.system.kinshipUrl() + "/groups/" + this.slug);
		Browser.waitFor(member, time);
		WebElement shown = member.findElement(time);
		Instant at = Instant.parse(shown.getAttribute("datetime"));
		String chicago = DateTimeFormatter.ofPattern("h:mm").format(at.atZone(ZoneId.of("America/Chicago")));
		String utc = DateTimeFormatter.ofPattern("h:mm").format(at.atZone(ZoneId.of("UTC")));
		assertThat(shown.getText()).contains(chicago).doesNotContain(utc);

		member.get(this.system.kinshipUrl() + "/search?q=where+you+are");
		WebElement found = member.findElement(By.cssSelector("#search-results time"));
		assertThat(found.getText()).contains(chicago);
	}

	private String inGroup(WebDriver browser, String persona, String displayName, String group) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group + "/join");
		String name = displayName + System.nanoTime() % 10000;
		browser.findElement(By.id("displayName")).sendKeys(name);
		browser.findElement(By.id("acceptGuidelines")).click();
		browser.findElement(By.id("join-submit")).click();
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
		return name;
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

	private static void write(WebDriver browser, String text) {
		browser.findElement(By.id("conversation-text")).sendKeys(text);
		browser.findElement(By.id("conversation-text")).sendKeys(Keys.ENTER);
	}

}
