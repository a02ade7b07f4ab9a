package org.kinship.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees: the sandbox's launcher page, a demo patient picked and launched,
 * and Kinship's home page at the end with the person's name and role, each page checked
 * with axe-core.
 */
@ExtendWith(Browsers.class)
class LauncherBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void launchesADemoPatientFromTheLauncherIntoKinship(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Launch an app");
		Browser.assertAccessible(browser);

		browser.findElement(By.cssSelector("input[name=persona]:checked"));
		browser.findElement(By.id("mode-ehr")).click();
		browser.findElement(By.id("launch-button")).click();

		Browser.waitUntil(browser, ExpectedConditions.urlContains(this.system.kinshipUrl()));
		Browser.waitFor(browser, By.id("greeting"));
		assertThat(browser.getCurrentUrl()).isEqualTo(this.system.kinshipUrl() + "/");
		assertThat(browser.findElement(By.id("greeting")).getText()).startsWith("Welcome, ");
		assertThat(browser.findElement(By.id("signed-in-role")).getText()).isEqualTo("Patient");
		Browser.assertAccessible(browser);
	}

}
