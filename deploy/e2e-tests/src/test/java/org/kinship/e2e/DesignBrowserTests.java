package org.kinship.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the design promises a person on a phone: the group page opens at the newest
 * message with the message box below it, without scrolling, at 360 x 740; older messages
 * come as the member scrolls up and a button jumps back to the latest; a message's
 * actions sit behind one menu. Every main page fits 360 px in dark mode and at 200 % text
 * without scrolling sideways, and passes axe-core; the style guide is screenshot for a
 * person to look at.
 */
@ExtendWith(Browsers.class)
class DesignBrowserTests {

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void onAPhoneTheGroupOpensAtTheNewestMessageAboveTheComposer(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Phone circle", true);
		String newest = postMessages(group, 56);
		group.join("robert-nguyen", "Rob");
		// broadcasts pinned above the discussion must not push it off the first screen
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		for (String priority : List.of("URGENT", "URGENT", "IMPORTANT")) {
			String title = "Pinned on a phone " + UUID.randomUUID().toString().substring(0, 8);
			var sent = manager.submit("/manage/broadcasts/new", "broadcast-form", BroadcastEndToEndIntegrationTests
				.with(BroadcastEndToEndIntegrationTests.form(title, priority, "COHORT", "88805009"), "action", "send"));
			assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		}
		browser.manage().window().setSize(Browser.PHONE);
		open(browser, "robert-nguyen", group);
		Browser.waitFor(browser, messageWith(newest));
		assertThat(browser.findElements(By.cssSelector("#pinned-broadcasts .broadcast-card")))
			.hasSizeGreaterThanOrEqualTo(3);

		Browser.waitUntil(browser, (page) -> inView(page, messageWith(newest)));
		assertThat(inView(browser, By.id("composer-text"))).as("the message box on the first screen").isTrue();
		assertThat(inView(browser, By.id("composer-send"))).as("the send button on the first screen").isTrue();
		assertThat(script(browser, "return document.scrollingElement.scrollTop")).as("the page itself not scrolled")
			.isEqualTo(0L);
		assertThat(browser.findElements(messageWith("Message 1 of "))).as("older messages wait").isEmpty();
		// the window as it is: a whole-page capture would resize the page the list fills
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "group-phone.png"),
				((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

		script(browser, "document.getElementById('messages').scrollTop = 0");
		Browser.waitFor(browser, messageWith("Message 1 of "));
		Browser.waitUntil(browser, ExpectedConditions.visibilityOfElementLocated(By.id("chat-latest")));
		browser.findElement(By.id("chat-latest")).click();
		Browser.waitUntil(browser, (page) -> inView(page, messageWith(newest)));

		WebElement message = browser.findElement(messageWith(newest));
		assertThat(message.findElements(By.cssSelector("button:not(.reaction)"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList()).as("a message's actions wait behind its menu").isEmpty();
		message.findElement(By.cssSelector("details.menu > summary")).click();
		assertThat(message.findElement(By.xpath(".//button[starts-with(., 'Reply')]")).isDisplayed()).isTrue();
		assertThat(message.findElement(By.xpath(".//button[.='Flag']")).isDisplayed()).isTrue();

		browser.findElement(By.id("tab-about")).click();
		assertThat(browser.findElement(By.id("about-heading")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("composer-text")).isDisplayed()).isFalse();
		browser.findElement(By.id("tab-discussion")).click();
		Browser.assertAccessibleAtBothSizes(browser);
	}

	@Test
	void everyMainPageFitsAPhoneInDarkModeAndAtTwiceTheTextSize(WebDriver browser) throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Large text circle", true);
		postMessages(group, 3);
		group.join("robert-nguyen", "Rob");
		open(browser, "robert-nguyen", group);
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		for (String path : List.of("/", "/groups", "/groups/" + group.slug, "/broadcasts", "/help", "/styleguide",
				"/me")) {
			browser.get(this.system.kinshipUrl() + path);
			Browser.waitFor(browser, By.id("main"));
			assertThat(script(browser, "return getComputedStyle(document.body).backgroundColor"))
				.as("dark background on " + path)
				.isEqualTo("rgb(18, 20, 23)");
			Browser.assertAccessibleAtBothSizes(browser);
			browser.manage().window().setSize(Browser.PHONE);
			script(browser, "document.documentElement.style.fontSize = '200%'");
			assertThat(Browser.horizontalOverflow(browser)).as(path + " at 200 % text, 360 px").isLessThanOrEqualTo(0L);
			browser.manage().window().setSize(Browser.DESKTOP);
		}
	}

	@Test
	void theStyleGuideShowsTheComponentsInLightAndDark(WebDriver browser) throws Exception {
		browser.get(this.system.sandboxUrl() + "/launch?persona=maria-santos&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/styleguide");
		Browser.waitFor(browser, By.id("sg-dialog"));
		assertThat(browser.findElement(By.id("main-nav")).getText()).contains("Home", "Groups", "Help");
		WebElement radio = browser.findElement(By.id("sg-posting-open"));
		assertThat(radio.getSize().getWidth()).as("a radio button keeps its size").isLessThan(40);
		assertThat(browser.findElement(By.cssSelector("#main .code-chip")).getText()).as("the code picker's chip")
			.contains("SNOMED CT 44054006");
		browser.findElement(By.cssSelector("[data-opens-dialog='sg-dialog-demo']")).click();
		assertThat(browser.findElement(By.id("sg-dialog-demo")).isDisplayed()).isTrue();
		browser.findElement(By.cssSelector("#sg-dialog-demo button[value='cancel']")).click();
		Browser.assertAccessibleAtBothSizes(browser);
		screenshot(browser, "styleguide-light.png");
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		Browser.assertAccessible(browser);
		screenshot(browser, "styleguide-dark.png");
		browser.manage().window().setSize(Browser.PHONE);
		screenshot(browser, "styleguide-phone-dark.png");
		assertThat(Files.size(Path.of("target", "styleguide-light.png"))).isPositive();
	}

	private String postMessages(StaffedGroup group, int count) throws Exception {
		StompMember tom = StompMember.connect(this.system, group.facilitator);
		String last = null;
		for (int i = 1; i <= count; i++) {
			if (i % 5 == 1) {
				this.system.passChatRateWindow();
			}
			last = "Message " + i + " of " + count + " " + UUID.randomUUID().toString().substring(0, 8);
			tom.sendAndAwait(group.id, UUID.randomUUID().toString(), last);
		}
		return last;
	}

	private void open(WebDriver browser, String persona, StaffedGroup group) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + "/groups/" + group.slug);
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	private static By messageWith(String text) {
		return By.xpath("//ol[@id='messages']/li[contains(@class,'message') and .//div[@class='body' and contains(., '"
				+ text + "')]]");
	}

	// wholly inside the window, and inside the list where it scrolls
	private static boolean inView(WebDriver browser, By element) {
		return Boolean.TRUE.equals(script(browser,
				"const e = arguments[0].getBoundingClientRect(); const list = document.getElementById('messages');"
						+ " const l = list.contains(arguments[0]) ? list.getBoundingClientRect() : { top: 0, bottom: innerHeight };"
						+ " return e.height > 0 && e.top >= Math.max(0, l.top) - 1 && e.bottom <= Math.min(innerHeight, l.bottom) + 1;",
				browser.findElement(element)));
	}

	private static Object script(WebDriver browser, String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	// the whole page, not only the window
	private static void screenshot(WebDriver browser, String name) throws Exception {
		ChromeDriver chrome = (ChromeDriver) browser;
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
		Path target = Path.of("target", name);
		Files.createDirectories(target.getParent());
		Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
	}

}
