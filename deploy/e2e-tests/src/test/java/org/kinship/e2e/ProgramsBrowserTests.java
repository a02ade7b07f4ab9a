package org.kinship.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people see of programs and referrals: a community manager adds a class to the
 * directory, a member finds it by ZIP code and day, the clinician refers the patient in
 * their chart to it, and the patient accepts and signs up at her next launch; the
 * clinician then finds her on the session's attendance sheet and the referral accepted
 * among the community's. Every page passes axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class ProgramsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aClassIsAddedFoundReferredAndSignedUpFor(WebDriver browser) {
		String name = "Walk and talk " + UUID.randomUUID().toString().substring(0, 6);
		browser.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		assertThat(browser.findElements(By.id("patient-banner-name"))).as("no chart patient outside referrals")
			.isEmpty();

		browser.get(this.system.kinshipUrl() + "/manage/programs/new");
		Browser.waitFor(browser, By.id("program-form"));
		Browser.assertAccessibleAtBothSizes(browser);
		LocalDate today = LocalDate.ofInstant(this.system.clock().instant(), ZoneOffset.UTC);
		fill(browser,
				Map.of("name", name, "description", "A gentle walk, then tea.", "audience", "Adults with diabetes",
						"cost", "Free", "address", "1 Main Street, Cambridge", "postalCode", "02139", "contact",
						"Ana, 617-555-0100", "startsOn", today.toString(), "endsOn", today.plusDays(45).toString()));
		new Select(browser.findElement(By.id("language"))).selectByValue("es");
		browser.findElement(By.id("day-3")).click();
		browser.findElements(By.cssSelector("input[name=groupIds]"))
			.stream()
			.filter((box) -> browser.findElement(By.cssSelector("label[for=" + box.getAttribute("id") + "]"))
				.getText()
				.equals("Living with type 2 diabetes"))
			.findFirst()
			.orElseThrow()
			.click();
		browser.findElement(By.id("save-program")).click();
		Browser.waitFor(browser, By.id("program-sessions"));
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(this.system.kinshipUrl() + "/programs");
		Browser.waitFor(browser, By.id("program-search"));
		browser.findElement(By.id("search-postal-code")).sendKeys("02115");
		new Select(browser.findElement(By.id("search-day"))).selectByValue("WEDNESDAY");
		new Select(browser.findElement(By.id("search-language"))).selectByValue("es");
		browser.findElement(By.id("program-search-button")).click();
		Browser.waitFor(browser, By.id("results-heading"));
		WebElement found = browser.findElement(By.id("programs"));
		assertThat(found.getText()).contains(name).contains("miles away");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(this.system.kinshipUrl() + "/referrals");
		Browser.waitFor(browser, By.id("fitting"));
		assertThat(browser.findElement(By.id("patient-banner-name")).getText()).isEqualTo("Maria Santos");
		Browser.assertAccessibleAtBothSizes(browser);
		WebElement card = browser.findElements(By.cssSelector("#fitting li"))
			.stream()
			.filter((li) -> li.getText().contains(name))
			.findFirst()
			.orElseThrow();
		card.findElement(By.tagName("textarea")).sendKeys("Tuesdays are quiet, you will like it.");
		card.findElement(By.cssSelector("button.refer")).click();
		Browser.waitFor(browser, By.id("referral-notice"));
		assertThat(browser.findElement(By.id("referral-notice")).getText()).contains(name);
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(this.system.sandboxUrl() + "/launch?persona=maria-santos&mode=ehr");
		Browser.waitFor(browser, By.id("referrals-waiting"));
		assertThat(browser.findElement(By.id("referrals-waiting")).getText()).contains(name)
			.contains("Tuesdays are quiet");
		Browser.assertAccessibleAtBothSizes(browser);
		browser.findElements(By.cssSelector("#referrals-waiting li"))
			.stream()
			.filter((li) -> li.getText().contains(name))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("button.accept"))
			.click();
		Browser.waitFor(browser, By.id("program-sessions"));
		WebElement signUp = browser.findElement(By.cssSelector("#program-sessions button.sign-up"));
		String sheet = signUp.findElement(By.xpath("./ancestor::form"))
			.getAttribute("action")
			.replace("/sign-up", "/attendance");
		signUp.click();
		Browser.waitFor(browser, By.id("notice"));
		assertThat(browser.findElement(By.id("notice")).getText()).contains("You have a place");
		Browser.assertAccessibleAtBothSizes(browser);

		// the staff's side: the session's attendance sheet, the programs they keep and
		// the community's referrals
		browser.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(sheet);
		Browser.waitFor(browser, By.id("attendance-form"));
		assertThat(browser.findElement(By.id("attendance-form")).getText()).contains("Maria Santos");
		Browser.assertAccessibleAtBothSizes(browser);
		browser.get(this.system.kinshipUrl() + "/manage/programs");
		Browser.waitFor(browser, By.id("managed-programs"));
		assertThat(browser.findElement(By.id("managed-programs")).getText()).contains(name);
		Browser.assertAccessibleAtBothSizes(browser);
		browser.get(this.system.kinshipUrl() + "/manage/referrals");
		Browser.waitFor(browser, By.id("referral-counts"));
		assertThat(browser.findElement(By.id("loop-referrals")).getText()).contains(name).contains("Accepted");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	/** Types into fields by id, dates included, whatever the browser's date format. */
	private static void fill(WebDriver browser, Map<String, String> fields) {
		fields.forEach((id, value) -> ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id(id)), value));
	}

}
