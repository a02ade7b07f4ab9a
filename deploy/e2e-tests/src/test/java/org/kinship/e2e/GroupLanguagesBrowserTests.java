package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.e2e.Browsers.ReadsSpanish;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group in two languages: a community manager gives a group a Spanish name and
 * guidelines beside its own, and a member whose browser asks for Spanish sees them on the
 * group's page, with the group's own description where it has no Spanish one. Both pages
 * pass axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class GroupLanguagesBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aSpanishReadingMemberSeesTheGroupsSpanishWords(WebDriver manager, @ReadsSpanish WebDriver member)
			throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Walking circle", false);
		manager.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(manager, By.id("greeting"));
		manager.get(this.system.kinshipUrl() + "/manage/groups/" + group.slug);
		Browser.waitFor(manager, By.id("spanish-version"));
		manager.findElement(By.id("nameEs")).sendKeys("C\u00edrculo de caminantes " + group.slug.substring(15));
		manager.findElement(By.id("guidelinesEs")).sendKeys("<p>Sea amable con todos.</p>");
		Browser.assertAccessibleAtBothSizes(manager);
		manager.findElement(By.id("save")).click();
		Browser.waitFor(manager, By.cssSelector("p.notice"));
		group.join("robert-nguyen", "Rob");

		member.get(this.system.sandboxUrl() + "/launch?persona=robert-nguyen&mode=ehr");
		Browser.waitFor(member, By.id("greeting"));
		member.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		Browser.waitFor(member, By.cssSelector(".group-head h1"));

		assertThat(member.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(member.findElement(By.cssSelector(".group-head h1")).getText())
			.isEqualTo("C\u00edrculo de caminantes " + group.slug.substring(15));
		assertThat(member.findElement(By.className("guidelines")).getAttribute("textContent"))
			.contains("Sea amable con todos.")
			.doesNotContain("Be kind");
		assertThat(member.findElement(By.tagName("main")).getAttribute("textContent"))
			.as("no Spanish description: the group's own")
			.contains("A place to share what helps.");
		Browser.assertAccessibleAtBothSizes(member);
	}

}
