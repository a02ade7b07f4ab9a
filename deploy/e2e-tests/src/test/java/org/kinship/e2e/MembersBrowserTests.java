package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's list of members, which its page links to once the group outgrows the names
 * the page shows: a member finds another by part of their name, sees the badges the page
 * shows, and the page passes axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class MembersBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aMemberFindsAnotherByPartOfTheirName(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Members list", true);
		StaffedGroup.Member reader = group.join("aisha-rahman", "Aisha R");
		StaffedGroup.Member other = group.join("linda-okafor", "Marigold");

		browser.get(this.system.sandboxUrl() + "/launch?persona=aisha-rahman&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug + "/members");
		Browser.waitFor(browser, By.id("members"));
		assertThat(browser.findElement(By.id("members-count")).getText()).isEqualTo("2 members");
		assertThat(browser.findElement(By.id("members")).getText()).contains(reader.name(), other.name())
			.doesNotContain("Linda")
			.doesNotContain("Okafor");
		Browser.assertAccessibleAtBothSizes(browser);

		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys("MARI");
		search.submit();
		Browser.waitUntil(browser, (driver) -> driver.getCurrentUrl().contains("q=MARI"));
		assertThat(browser.findElement(By.id("members-count")).getText())
			.isEqualTo("1 member goes by a name with “MARI” in it");
		assertThat(browser.findElement(By.id("members")).getText()).contains(other.name())
			.doesNotContain(reader.name());
		Browser.assertAccessibleAtBothSizes(browser);
	}

	@Test
	void someoneOutsideTheGroupIsNotShownItsMembers(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Members kept", true);
		group.join("linda-okafor", "Juniper");

		browser.get(this.system.sandboxUrl() + "/launch?persona=robert-nguyen&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug + "/members");
		Browser.waitFor(browser, By.tagName("h1"));
		assertThat(browser.getPageSource()).doesNotContain("Juniper");
		assertThat(browser.findElements(By.id("members"))).isEmpty();
	}

}
