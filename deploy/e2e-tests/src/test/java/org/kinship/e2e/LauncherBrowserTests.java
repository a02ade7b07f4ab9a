package org.kinship.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees: the sandbox's launcher page, a demo patient picked and launched,
 * and Kinship's home page at the end with the person's name and role, each page checked
 * with axe-core.
 */
class LauncherBrowserTests {

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
	void launchesADemoPatientFromTheLauncherIntoKinship() {
		this.browser.get(this.system.sandboxUrl() + "/");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Launch an app");
		Browser.assertAccessible(this.browser);

		this.browser.findElement(By.cssSelector("input[name=persona]:checked"));
		this.browser.findElement(By.id("mode-ehr")).click();
		this.browser.findElement(By.id("launch-button")).click();

		new WebDriverWait(this.browser, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.urlContains(this.system.kinshipUrl()));
		new WebDriverWait(this.browser, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(this.system.kinshipUrl() + "/");
		assertThat(this.browser.findElement(By.id("greeting")).getText()).startsWith("Welcome, ");
		assertThat(this.browser.findElement(By.id("signed-in-role")).getText()).isEqualTo("Patient");
		Browser.assertAccessible(this.browser);
	}

}
