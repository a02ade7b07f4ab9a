package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's notification settings in headless Chromium after an EHR launch: the address
 * from their record offered but not yet confirmed, confirmed by saving it with a language
 * and quiet hours, a choice for one of their groups kept; a member whose record gave no
 * address is asked for one. The page passes axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class NotificationSettingsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aMemberConfirmsTheAddressFromTheRecordAndChoosesPerGroup(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Notice circle", false);
		group.join("robert-nguyen", "Robin");
		open(browser, "robert-nguyen");
		assertThat(browser.findElement(By.id("email")).getDomProperty("value"))
			.isEqualTo("robert-nguyen@patients.sandbox.example");
		assertThat(browser.findElement(By.id("email-unconfirmed")).getText())
			.contains("Nothing is sent until you confirm");
		assertThat(browser.findElement(By.id("email-hint")).getText()).contains("from your health record");
		Browser.assertAccessibleAtBothSizes(browser);

		new Select(browser.findElement(By.id("language"))).selectByValue("es");
		// a time field's typing depends on the browser's locale; the value is what is
		// sent
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("arguments[0].value = '22:00'", browser.findElement(By.id("quietFrom")));
		script.executeScript("arguments[0].value = '07:00'", browser.findElement(By.id("quietUntil")));
		browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("email-confirmed"),
				"robert-nguyen@patients.sandbox.example"));
		assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo("es");

		By every = By.id("level-" + group.id + "-every");
		assertThat(browser.findElement(By.id("level-" + group.id + "-replies")).isSelected()).as("the default")
			.isTrue();
		browser.findElement(every).click();
		// the contact form's answer already says "saved": wait for the next page
		WebElement answered = browser.findElement(By.cssSelector(".notice"));
		browser.findElement(By.cssSelector("#group-" + group.id + " button[type=submit]")).click();
		Browser.waitUntil(browser, ExpectedConditions.stalenessOf(answered));
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "saved"));
		assertThat(browser.findElement(every).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("quietFrom")).getDomProperty("value")).isEqualTo("22:00");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	@Test
	void aMemberWhoseRecordGaveNoAddressIsAskedForOne(WebDriver browser) throws Exception {
		open(browser, "daniel-reyes");
		assertThat(browser.findElement(By.id("email-none")).getText())
			.contains("Your health record gave no e-mail address");
		assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEmpty();
		// the browser's own check lets this through; Kinship's wants a domain with a dot
		browser.findElement(By.id("email")).sendKeys("daniel@localhost");
		browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
		Browser.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".error"),
				"does not look like an e-mail address"));
		assertThat(browser.findElement(By.id("email")).getDomProperty("value")).as("what was typed is kept")
			.isEqualTo("daniel@localhost");
		Browser.assertAccessibleAtBothSizes(browser);
	}

	private void open(WebDriver browser, String persona) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/notifications");
		Browser.waitFor(browser, By.id("contact-form"));
	}

}
