package org.kinship.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guidelines written in Markdown: a community manager formats them with the editor's
 * toolbar, sees the server's preview, saves, and finds the Markdown back in the form; a
 * member sees them formatted on the group's page. The preview is for staff only. Every
 * page passes axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class GuidelinesEditorBrowserTests {

	private static final String PREVIEW = "/manage/groups/guidelines/preview";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aManagerFormatsGuidelinesWithTheToolbarAndAMemberSeesThemFormatted(WebDriver manager, WebDriver member)
			throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Guidelines circle", false);
		manager.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(manager, By.id("greeting"));
		manager.get(this.system.kinshipUrl() + "/manage/groups/" + group.slug);
		Browser.waitFor(manager, By.id("guidelines-write-tab"));
		WebElement area = manager.findElement(By.id("guidelines"));
		assertThat(area.getAttribute("value")).as("guidelines saved as HTML shown as they are")
			.isEqualTo("<p>Be kind.</p>");

		area.clear();
		area.sendKeys("Be kind. ");
		format(manager, "bold");
		area.sendKeys("Listen first", Keys.END, Keys.ENTER, Keys.ENTER, "Ask before sharing");
		format(manager, "list");
		area.sendKeys(Keys.END, Keys.ENTER, Keys.ENTER, "Read ");
		format(manager, "link");
		area.sendKeys("https://example.org/help");
		assertThat(area.getAttribute("value")).isEqualTo(
				"Be kind. **Listen first**\n\n- Ask before sharing\n\nRead [link text](https://example.org/help)");
		Browser.assertAccessibleAtBothSizes(manager);

		WebElement previewTab = manager.findElement(By.id("guidelines-preview-tab"));
		previewTab.click();
		assertThat(previewTab.getAttribute("aria-selected")).isEqualTo("true");
		Browser.waitUntil(manager,
				(page) -> !page.findElements(By.cssSelector("#guidelines-preview strong")).isEmpty());
		WebElement preview = manager.findElement(By.id("guidelines-preview"));
		assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("Listen first");
		assertThat(preview.findElement(By.cssSelector("ul li")).getText()).isEqualTo("Ask before sharing");
		assertThat(preview.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.org/help");
		assertThat(area.isDisplayed()).as("the textarea is behind the Write tab").isFalse();
		Browser.assertAccessibleAtBothSizes(manager);

		// the tabs follow the keyboard as the ARIA tabs pattern says
		previewTab.sendKeys(Keys.ARROW_LEFT);
		assertThat(manager.findElement(By.id("guidelines-write-tab")).getAttribute("aria-selected")).isEqualTo("true");
		assertThat(area.isDisplayed()).isTrue();

		manager.findElement(By.id("save")).click();
		Browser.waitFor(manager, By.cssSelector("p.notice"));
		assertThat(manager.findElement(By.id("guidelines")).getAttribute("value")).as("the Markdown shown back")
			.isEqualTo(
					"Be kind. **Listen first**\n\n- Ask before sharing\n\nRead [link text](https://example.org/help)");

		group.join("robert-nguyen", "Rob");
		member.get(this.system.sandboxUrl() + "/launch?persona=robert-nguyen&mode=ehr");
		Browser.waitFor(member, By.id("greeting"));
		member.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		Browser.waitFor(member, By.className("guidelines"));
		WebElement guidelines = member.findElement(By.className("guidelines"));
		assertThat(guidelines.findElement(By.tagName("strong")).getAttribute("textContent")).isEqualTo("Listen first");
		assertThat(guidelines.findElement(By.cssSelector("ul li")).getAttribute("textContent"))
			.isEqualTo("Ask before sharing");
		assertThat(guidelines.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.org/help");
		assertThat(guidelines.getAttribute("textContent")).doesNotContain("**");
		Browser.assertAccessibleAtBothSizes(member);
	}

	@Test
	void onlyStaffPreviewGuidelines() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Preview circle", false);
		StaffedGroup.Member member = group.join("robert-nguyen", "Rob");

		assertThat(member.person().post(PREVIEW, List.of("guidelines", "Be **kind**")).statusCode()).isEqualTo(403);
		var staff = group.manager.post(PREVIEW, List.of("guidelines", "Be **kind** <script>x()</script>"));
		assertThat(staff.statusCode()).isEqualTo(200);
		assertThat(staff.body()).contains("<strong>kind</strong>").doesNotContain("<script>");
		assertThat(group.manager.post(PREVIEW, List.of("guidelines", "x".repeat(20_001))).statusCode())
			.as("longer than guidelines may be")
			.isEqualTo(422);
	}

	private static void format(WebDriver browser, String action) {
		browser.findElement(By.cssSelector("#guidelines-write [data-format='" + action + "']")).click();
	}

}
