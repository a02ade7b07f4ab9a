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

	/** A desktop window. */
	static final Dimension DESKTOP = new Dimension(1280, 900);

	/** A phone, as a portal's mobile web view is wide. */
	static final Dimension PHONE = new Dimension(360, 740);

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
			driver.manage().window().setSize(DESKTOP);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks the page at the width of a portal's mobile web view (360 px, where it must
	 * not scroll sideways) and at desktop size, leaving the window at desktop size.
	 * @param driver the browser, on the page to check
	 */
	static void assertAccessibleAtBothSizes(WebDriver driver) {
		driver.manage().window().setSize(PHONE);
		assertAccessible(driver);
		assertThat(horizontalOverflow(driver)).as("page wider than a 360 px screen").isLessThanOrEqualTo(0L);
		driver.manage().window().setSize(DESKTOP);
		assertAccessible(driver);
	}

	/**
	 * How far the page scrolls sideways.
	 * @param driver the browser
	 * @return pixels wider than the window, 0 when none
	 */
	static long horizontalOverflow(WebDriver driver) {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

	/**
	 * Waits for an element, and says what the page showed when it does not come.
	 * @param driver the browser
	 * @param element the element
	 */
	static void waitFor(WebDriver driver, org.openqa.selenium.By element) {
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(element));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("No " + element + " on " + driver.getCurrentUrl() + ":\n"
					+ driver.findElement(org.openqa.selenium.By.tagName("body")).getText(), ex);
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
