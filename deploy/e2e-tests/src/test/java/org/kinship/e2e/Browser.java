package org.kinship.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browser tests check and wait for in a page; {@link Browsers} opens the browsers.
 */
final class Browser {

	/** A desktop window. */
	static final Dimension DESKTOP = new Dimension(1280, 900);

	/** A phone, as a portal's mobile web view is wide. */
	static final Dimension PHONE = new Dimension(360, 740);

	/**
	 * How long a page may take to show what a test waits for: a ceiling that a loaded
	 * machine stays well under, reached only when what is awaited never comes.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(60);

	private Browser() {
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
	static void waitFor(WebDriver driver, By element) {
		try {
			new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(element));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + element + " on " + driver.getCurrentUrl() + "; console:\n"
					+ console(driver) + "\n" + driver.findElement(By.tagName("body")).getText(), ex);
		}
	}

	/**
	 * Waits for the care-plan panel of a group's page to be shown whole: at once when the
	 * session holds the record, else once the page's script has loaded it.
	 * @param driver the browser, on a group's page
	 */
	static void waitForCarePlan(WebDriver driver) {
		waitFor(driver, By.cssSelector("#care-plan:not([aria-busy='true']) #care-plan-heading"));
	}

	/**
	 * Waits until a condition holds, and says what the page showed, console included,
	 * when it does not.
	 * @param <T> what the condition gives
	 * @param driver the browser
	 * @param condition the condition
	 * @return what the condition gave
	 */
	static <T> T waitUntil(WebDriver driver, Function<? super WebDriver, T> condition) {
		try {
			// a live page may draw an element again, or a form's reply replace the page,
			// while the condition reads it: read again
			return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
				.until((WebDriver d) -> readAgainIfReplaced(d, condition));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Not seen on " + driver.getCurrentUrl() + "; console:\n" + console(driver) + "\n"
					+ driver.findElement(By.tagName("body")).getText(), ex);
		}
	}

	/**
	 * A condition's answer, or none when the element it read was on a document that a
	 * navigation has just replaced: Chromium reports that as "Node with given id does not
	 * belong to the document" rather than as a stale element.
	 */
	private static <T> T readAgainIfReplaced(WebDriver driver, Function<? super WebDriver, T> condition) {
		try {
			return condition.apply(driver);
		}
		catch (WebDriverException ex) {
			if (ex instanceof StaleElementReferenceException || ex.getMessage() == null
					|| !ex.getMessage().contains("does not belong to the document")) {
				throw ex;
			}
			return null;
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
