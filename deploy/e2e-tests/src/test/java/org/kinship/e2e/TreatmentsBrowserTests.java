package org.kinship.e2e;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member tags a message with one of their own medicines in headless Chromium: the
 * composer offers the ingredients of Maria's record once the care-plan panel has read it
 * (metformin, from the sandbox's clinical drug), the message carries a tag, and the tag
 * opens the treatment's page with the message and a suppressed count; both pages pass
 * axe-core at 360 px and at desktop size.
 */
@ExtendWith(Browsers.class)
class TreatmentsBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void aMemberTagsAMessageAndOpensTheTreatmentsPage(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Treatment circle", true);
		group.join("maria-santos", "Maria");

		browser.get(this.system.sandboxUrl() + "/launch?persona=maria-santos&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
		Browser.waitForCarePlan(browser);
		Browser.waitUntil(browser, ExpectedConditions.visibilityOfElementLocated(By.id("composer-treatment")));
		assertThat(browser.findElement(By.id("composer-treatment-hint")).getText()).contains("will see the tag");
		Select picker = new Select(browser.findElement(By.id("composer-treatment")));
		assertThat(picker.getOptions()).extracting(WebElement::getText).contains("metformin");
		picker.selectByValue("6809");

		String text = "Taking it with breakfast helps " + UUID.randomUUID().toString().substring(0, 8);
		WebElement composer = browser.findElement(By.id("composer-text"));
		composer.sendKeys(text);
		composer.sendKeys(Keys.ENTER);
		By tag = By.xpath("//ol[@id='messages']/li[.//div[@class='body' and contains(., '" + text
				+ "')]]//a[contains(@class, 'treatment-tag')]");
		Browser.waitFor(browser, tag);
		assertThat(browser.findElement(tag).getText()).isEqualTo("About metformin");
		assertThat(picker.getFirstSelectedOption().getDomProperty("value")).as("the next message is about none")
			.isEmpty();
		Browser.assertAccessibleAtBothSizes(browser);

		browser.get(browser.findElement(tag).getDomProperty("href"));
		Browser.waitFor(browser, By.id("treatment-name"));
		assertThat(browser.findElement(By.id("treatment-name")).getText()).isEqualTo("metformin");
		assertThat(browser.findElement(By.id("treatment-messages")).getText()).contains(text);
		assertThat(browser.findElement(By.id("treatment-discussing")).getText()).isEqualTo("fewer than 11");
		Browser.assertAccessibleAtBothSizes(browser);

		browser.findElement(By.id("treatments-all")).click();
		Browser.waitFor(browser, By.id("treatments-tagged"));
		assertThat(browser.findElement(By.id("treatments-mine")).getText()).contains("metformin");
		Browser.assertAccessibleAtBothSizes(browser);
	}

}
