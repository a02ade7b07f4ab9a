package org.kinship.e2e;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.chat.Chat;
import org.kinship.moderation.Flags.FlagReason;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members in two browsers in the same group: what one sends appears once for both, is
 * announced to screen readers on the other side, and markup typed by a member is shown as
 * text. The chat page passes axe-core at desktop size and at 360 px.
 */
@ExtendWith(Browsers.class)
class ChatBrowserTests {

	private static final String GROUP = "/groups/heart-failure-support";

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void twoMembersChatLiveInTheirGroup(WebDriver linda, WebDriver robert) {
		inGroup(linda, "linda-okafor", "Linda O");
		inGroup(robert, "robert-nguyen", "Rob N");

		String text = "Weighing myself every morning helps " + System.nanoTime();
		send(linda, text);
		waitUntil(robert, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		String lindasName = linda.findElement(By.id("chat")).getDomAttribute("data-my-name");
		assertThat(robert.findElement(By.id("chat-announcer")).getText()).contains("New message from " + lindasName)
			.contains(text);
		assertChoicesAreTheServers(robert, text);
		waitUntil(linda, By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]"));
		assertThat(linda.findElements(By.xpath("//div[@class='body' and contains(., '" + text + "')]")))
			.as("the sender sees the message once")
			.hasSize(1);

		String marked = "<b>bold?</b> **really** " + System.nanoTime();
		send(robert, marked);
		By received = By.xpath("//ol[@id='messages']//div[@class='body' and contains(., 'really')]//strong");
		waitUntil(linda, received);
		assertThat(linda.findElement(By.xpath("//div[@class='body' and contains(., '" + marked.substring(24) + "')]"))
			.getText()).contains("<b>bold?</b>");

		Browser.assertAccessible(linda);
		linda.manage().window().setSize(new Dimension(360, 740));
		Browser.assertAccessible(linda);
		assertThat(linda.findElement(By.id("composer-text")).isDisplayed()).isTrue();
	}

	@Test
	void aGroupPageOpensOneSocketAndLoadsTheStompClientOnce(WebDriver linda) {
		// every page this browser opens counts the WebSockets it creates
		((ChromeDriver) linda).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "window.kinshipSockets = 0; window.WebSocket = class extends window.WebSocket {"
						+ " constructor(...args) { super(...args); window.kinshipSockets++; } };"));
		inGroup(linda, "linda-okafor", "Linda O");
		assertThat(linda.findElements(By.id("broadcast-banner-region"))).as("live broadcasts on the page").hasSize(1);

		JavascriptExecutor page = (JavascriptExecutor) linda;
		assertThat(page.executeScript("return window.kinshipSockets")).as("WebSockets opened").isEqualTo(1L);
		assertThat(page.executeScript("return document.querySelectorAll('script[src*=\"stomp__stompjs\"]').length"))
			.as("STOMP client script elements")
			.isEqualTo(1L);
		assertThat(page.executeScript("return performance.getEntriesByType('resource')"
				+ ".filter((entry) => entry.name.includes('/stomp__stompjs/')).length"))
			.as("STOMP client downloads")
			.isEqualTo(1L);
	}

	// what a member picks from on another's message is what the server accepts
	private static void assertChoicesAreTheServers(WebDriver browser, String text) {
		WebElement message = browser
			.findElement(By.xpath("//ol[@id='messages']/li[div[@class='body' and contains(., '" + text + "')]]"));
		assertThat(message.findElements(By.cssSelector(".reactions .reaction"))
			.stream()
			.map((reaction) -> reaction.getDomProperty("textContent"))
			.toList()).containsExactlyElementsOf(Chat.REACTIONS);
		// a message's actions wait behind its one menu
		message.findElement(By.cssSelector("details.menu > summary")).click();
		message.findElement(By.xpath(".//button[.='Flag']")).click();
		assertThat(new Select(message.findElement(By.cssSelector(".flagger select"))).getOptions()
			.stream()
			.map((option) -> option.getDomProperty("value"))
			.toList())
			.containsExactlyElementsOf(Arrays.stream(FlagReason.values())
				.map((reason) -> reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList());
		message.findElement(By.xpath(".//form[@class='flagger']//button[.='Cancel']")).click();
	}

	private void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		waitUntil(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + GROUP);
		if (browser.findElements(By.id("chat")).isEmpty()) {
			browser.get(this.system.kinshipUrl() + GROUP + "/join");
			browser.findElement(By.id("displayName")).sendKeys(displayName);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
		}
		try {
			new WebDriverWait(browser, Browser.PATIENCE)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			String console = Browser.console(browser);
			String url = browser.getCurrentUrl();
			browser.get(this.system.kinshipUrl() + "/chat/groups/2/messages");
			throw new AssertionError(
					"Chat did not connect on " + url + "; console:\n" + console + "\n" + browser.getPageSource(), ex);
		}
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

	private static void waitUntil(WebDriver browser, By element) {
		Browser.waitFor(browser, element);
	}

}
