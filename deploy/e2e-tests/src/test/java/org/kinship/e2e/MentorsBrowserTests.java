package org.kinship.e2e;

import java.util.List;
import java.util.UUID;

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
 * A peer mentor as they see the group in headless Chromium: appointed by the community
 * manager from the member's file, they find the newcomer to greet with a link to the
 * newcomer's first post, pin a welcome of their own from its menu, and carry a badge
 * beside their name; the page passes axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class MentorsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void aMentorGreetsANewcomerAndPinsAWelcome(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Mentor circle", true);
		StaffedGroup.Member mentor = group.join("robert-nguyen", "Rob");
		StaffedGroup.Member newcomer = group.join("linda-okafor", "Lin");
		var appointed = group.manager.post("/review/groups/" + group.id + "/member/mentor",
				List.of("member", "Patient/robert-nguyen", "mentor", "true"));
		assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(302);
		assertThat(group.manager.get("/review/groups/" + group.id + "/member?member=Patient/robert-nguyen").body())
			.contains("is a peer mentor of this group");
		String hello = "Hello, I am new here " + UUID.randomUUID().toString().substring(0, 8);
		StompMember.connect(this.system, newcomer.person()).sendAndAwait(group.id, UUID.randomUUID().toString(), hello);

		browser.get(this.system.sandboxUrl() + "/launch?persona=robert-nguyen&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
		Browser.waitFor(browser, By.xpath("//ul[@id='members']/li[contains(., '" + mentor.name()
				+ "') and .//span[contains(@class, 'mentor-badge')]]"));
		WebElement greet = browser.findElement(By.xpath(
				"//section[@id='newcomers']//a[contains(., '" + newcomer.name() + "') and contains(@href, '?at=')]"));

		String welcome = "Welcome, ask me anything " + UUID.randomUUID().toString().substring(0, 8);
		WebElement composer = browser.findElement(By.id("composer-text"));
		composer.sendKeys(welcome);
		composer.sendKeys(Keys.ENTER);
		By mine = By
			.xpath("//ol[@id='messages']/li[contains(@class,'message') and .//div[@class='body' and contains(., '"
					+ welcome + "')]]");
		Browser
			.waitUntil(browser, ExpectedConditions.elementToBeClickable(By.xpath(
					"//ol[@id='messages']/li[.//div[contains(., '" + welcome + "')]]//details[@class='menu']/summary")))
			.click();
		assertThat(browser.findElement(mine).getText()).contains("Peer mentor");
		By newcomersMenu = By
			.xpath("//ol[@id='messages']/li[.//div[contains(., '" + hello + "')]]//button[contains(@class,'pin')]");
		assertThat(browser.findElements(newcomersMenu)).as("no pin on someone else's message").isEmpty();
		Browser
			.waitUntil(browser, ExpectedConditions.elementToBeClickable(By.xpath(
					"//ol[@id='messages']/li[.//div[contains(., '" + welcome + "')]]//button[contains(@class,'pin')]")))
			.click();
		Browser.waitUntil(browser, ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//section[@id='pinned']//div[@class='body' and contains(., '" + welcome + "')]")));
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(greet.getDomProperty("href"));
		Browser.waitFor(browser,
				By.xpath("//ol[@id='messages']/li[contains(@class, 'target') and contains(., '" + hello + "')]"));
	}

}
