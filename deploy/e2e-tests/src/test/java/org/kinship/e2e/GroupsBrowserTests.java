package org.kinship.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient sees: groups suggested from their record on the home page, the join page
 * with the group's guidelines, a refusal that keeps what was typed, and membership under
 * a pseudonym. Every page passes axe-core at desktop size and at 360 px, the width of a
 * portal's mobile web view.
 */
class GroupsBrowserTests {

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(360, 740);

	private final RunningKinship system = RunningKinship.get();

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void demoPatientJoinsASuggestedGroupUnderAPseudonym() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=patricia-kowalski&mode=ehr");
		waitFor(By.id("suggestions"));
		WebElement suggestion = this.browser.findElement(By.cssSelector("#suggestions h3 a"));
		assertThat(suggestion.getText()).isEqualTo("Breathing easier with COPD");
		assertAccessibleAtBothSizes();

		this.browser.findElement(By.cssSelector("#suggestions a.button")).click();
		waitFor(By.id("join-form"));
		assertThat(this.browser.findElement(By.className("guidelines")).getText()).contains("Be kind");
		assertAccessibleAtBothSizes();

		this.browser.findElement(By.id("displayName")).sendKeys("Sunny Days");
		this.browser.findElement(By.id("join-submit")).click();
		waitFor(By.id("problem"));
		assertThat(this.browser.findElement(By.id("problem")).getText()).contains("tick the box to accept them");
		assertThat(this.browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Sunny Days");
		assertAccessibleAtBothSizes();

		this.browser.findElement(By.id("acceptGuidelines")).click();
		this.browser.findElement(By.id("join-submit")).click();
		waitFor(By.id("membership"));
		assertThat(this.browser.findElement(By.id("membership")).getText())
			.isEqualTo("You are a member as Sunny Days.");
		assertThat(this.browser.findElement(By.id("members")).getText()).contains("Sunny Days")
			.doesNotContain("Patricia")
			.doesNotContain("Kowalski");
		assertAccessibleAtBothSizes();

		this.browser.get(this.system.kinshipUrl() + "/");
		waitFor(By.id("my-groups"));
		assertThat(this.browser.findElement(By.id("my-groups")).getText()).contains("Breathing easier with COPD");
		assertThat(this.browser.findElements(By.cssSelector("#suggestions h3"))).isEmpty();
	}

	@Test
	void directorySearchFindsAGroupByNameAndPassesAccessibilityChecks() {
		this.browser.get(this.system.sandboxUrl() + "/launch?persona=aisha-rahman&mode=ehr");
		waitFor(By.id("greeting"));
		this.browser.get(this.system.kinshipUrl() + "/groups?q=pain");
		waitFor(By.id("directory"));
		assertThat(this.browser.findElement(By.id("directory")).getText()).contains("Chronic pain community")
			.doesNotContain("Epilepsy circle");
		assertAccessibleAtBothSizes();
	}

	private void assertAccessibleAtBothSizes() {
		this.browser.manage().window().setSize(PHONE);
		Browser.assertAccessible(this.browser);
		assertThat(horizontalOverflow()).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		this.browser.manage().window().setSize(DESKTOP);
		Browser.assertAccessible(this.browser);
	}

	private long horizontalOverflow() {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

	private void waitFor(By element) {
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(20))
				.until(ExpectedConditions.presenceOfElementLocated(element));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("No " + element + " on " + this.browser.getCurrentUrl() + ":\n"
					+ this.browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

}
