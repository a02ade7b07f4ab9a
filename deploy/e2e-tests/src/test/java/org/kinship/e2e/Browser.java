package org.kinship.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium driven by Debian's chromedriver; nothing is downloaded.
 */
final class Browser {

	private Browser() {
	}

	static WebDriver open() {
		try {
			ChromeOptions options = new ChromeOptions();
			// the page's console, for a failing test to show
			options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
			options.setBinary(System.getProperty("kinship.chromium", "/usr/bin/chromium"));
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
					"--disable-sync", "--user-data-dir=" + Files.createTempDirectory("kinship-chromium"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(System.getProperty("kinship.chromedriver", "/usr/bin/chromedriver")))
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(1280, 900));
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the page wrote to the browser's console so far.
	 * @param driver the browser
	 * @return the console lines
	 */
	static String console(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map(Object::toString)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Checks the page in the browser against WCAG 2.1 A and AA with axe-core.
	 * @param driver the browser, on the page to check
	 */
	static void assertAccessible(WebDriver driver) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		assertThat(results.getViolations())
			.as(() -> driver.getCurrentUrl() + " has accessibility violations:\n"
					+ results.getViolations().stream().map(Browser::describe).collect(Collectors.joining("\n")))
			.isEmpty();
	}

	private static String describe(Rule rule) {
		return "- " + rule.getId() + ": " + rule.getHelp() + " ("
				+ rule.getNodes()
					.stream()
					.map((node) -> String.valueOf(node.getTarget()))
					.collect(Collectors.joining(", "))
				+ ")";
	}

}
