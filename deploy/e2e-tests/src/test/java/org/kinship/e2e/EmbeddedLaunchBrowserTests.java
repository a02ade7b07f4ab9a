package org.kinship.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.launch.BrowserPolicyViolations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinship inside the sandbox's portal page, as hospitals show SMART apps: the portal on
 * 127.0.0.1 frames Kinship on localhost, another site. An EHR launch in the frame reaches
 * the home page; the member joins a group, chats with a member outside the frame over the
 * socket, and confirms an urgent broadcast, all inside the frame, with no violation of
 * Kinship's browser policy reported. A page of an origin no hospital registered cannot
 * frame Kinship: the browser refuses to show it and reports the refusal.
 */
@ExtendWith(Browsers.class)
class EmbeddedLaunchBrowserTests {

	private static final String GROUP = "/groups/heart-failure-support";

	private final RunningKinship system = RunningKinship.get();

	private final BrowserPolicyViolations violations = this.system.kinshipBean(BrowserPolicyViolations.class);

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	void aMemberLaunchedInThePortalsFrameChatsAndConfirmsABroadcastThere(WebDriver linda, WebDriver robert)
			throws Exception {
		long violationsBefore = this.violations.count();
		linda.get(this.system.sandboxUrl() + "/launch?persona=linda-okafor&mode=ehr&embedded=true");
		Browser.waitUntil(linda, ExpectedConditions.urlContains(this.system.portalOrigin() + "/portal"));
		Browser.waitUntil(linda, ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("app-frame")));
		Browser.waitFor(linda, By.id("greeting"));
		assertThat(frameLocation(linda)).isEqualTo(this.system.kinshipUrl() + "/");

		inGroupInFrame(linda, "Linda O");
		inGroup(robert, "robert-nguyen", "Rob N");
		String fromOutside = "Salt is hiding everywhere " + UUID.randomUUID();
		send(robert, fromOutside);
		Browser.waitFor(linda, message(fromOutside));
		String fromInside = "Reading labels helps me " + UUID.randomUUID();
		send(linda, fromInside);
		Browser.waitFor(robert, message(fromInside));

		String title = "Clinic closed " + UUID.randomUUID().toString().substring(0, 8);
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		var sent = manager.submit("/manage/broadcasts/new", "broadcast-form", BroadcastEndToEndIntegrationTests
			.with(BroadcastEndToEndIntegrationTests.form(title, "URGENT", "COHORT", "88805009"), "action", "send"));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		Browser.waitUntil(linda,
				ExpectedConditions.textToBePresentInElementLocated(By.id("broadcast-banner-region"), title));
		linda.findElement(By.cssSelector("#broadcast-banner a")).click();
		Browser.waitFor(linda, By.id("acknowledge"));
		linda.findElement(By.id("acknowledge")).click();
		Browser.waitFor(linda, By.id("acknowledged"));
		assertThat(frameLocation(linda)).startsWith(this.system.kinshipUrl());

		linda.switchTo().defaultContent();
		assertThat(linda.getCurrentUrl()).as("the portal stays the top page").startsWith(this.system.portalOrigin());
		Browser.assertAccessibleAtBothSizes(linda);
		assertThat(this.violations.count()).as(() -> "policy violations: " + this.violations.byKind())
			.isEqualTo(violationsBefore);
	}

	@Test
	void aPageOfAnOriginNoHospitalRegisteredCannotFrameKinship(WebDriver browser) throws Exception {
		HttpServer stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String framed = this.system.kinshipUrl() + "/launch/choose";
		byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Elsewhere</title></head><body>"
				+ "<iframe id=\"app-frame\" title=\"Kinship\" src=\"" + framed + "\"></iframe></body></html>")
			.getBytes(StandardCharsets.UTF_8);
		stranger.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		stranger.start();
		try {
			String strangerOrigin = "http://127.0.0.1:" + stranger.getAddress().getPort();
			HttpResponse<String> choose = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(framed)).build(), HttpResponse.BodyHandlers.ofString());
			String policy = choose.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(policy).contains("frame-ancestors " + this.system.portalOrigin() + ";")
				.doesNotContain(strangerOrigin);

			long refusals = refusedFramings();
			browser.get(strangerOrigin + "/");
			Browser.waitUntil(browser, (driver) -> refusedFramings() > refusals);
			browser.switchTo().frame("app-frame");
			assertThat(browser.findElements(By.id("main"))).as("Kinship's page shown in the stranger's frame")
				.isEmpty();
		}
		finally {
			stranger.stop(0);
		}
	}

	@Test
	void thePortalsFrameIsWhereTheLaunchersEmbeddedChoiceLeads(WebDriver browser) {
		browser.get(this.system.sandboxUrl() + "/");
		Browser.assertAccessible(browser);
		browser.findElement(By.xpath("//input[@name='persona' and @value='maria-santos']")).click();
		browser.findElement(By.id("mode-ehr")).click();
		browser.findElement(By.id("embedded")).click();
		browser.findElement(By.id("launch-button")).click();
		Browser.waitUntil(browser, ExpectedConditions.urlContains(this.system.portalOrigin() + "/portal"));
		assertThat(browser.findElement(By.id("portal-person")).getText()).isEqualTo("Maria Santos");
		Browser.waitUntil(browser, ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("app-frame")));
		Browser.waitFor(browser, By.id("greeting"));
		assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Maria Santos");
	}

	private long refusedFramings() {
		return this.violations.byKind()
			.entrySet()
			.stream()
			.filter((kind) -> kind.getKey().startsWith("frame-ancestors "))
			.mapToLong((kind) -> kind.getValue())
			.sum();
	}

	/** Joins the heart-failure group from inside the frame, by the frame's own links. */
	private void inGroupInFrame(WebDriver browser, String displayName) {
		goInFrame(browser, GROUP);
		Browser.waitFor(browser, By.tagName("h1"));
		if (browser.findElements(By.id("chat")).isEmpty()) {
			goInFrame(browser, GROUP + "/join");
			Browser.waitFor(browser, By.id("displayName"));
			browser.findElement(By.id("displayName")).sendKeys(displayName);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
		}
		awaitConnected(browser);
	}

	private void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + GROUP);
		if (browser.findElements(By.id("chat")).isEmpty()) {
			browser.get(this.system.kinshipUrl() + GROUP + "/join");
			browser.findElement(By.id("displayName")).sendKeys(displayName);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
		}
		awaitConnected(browser);
	}

	private static void awaitConnected(WebDriver browser) {
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	/** Navigates the frame the driver is in, as a link inside it would. */
	private void goInFrame(WebDriver browser, String path) {
		((JavascriptExecutor) browser).executeScript("window.location.assign(arguments[0]);",
				this.system.kinshipUrl() + path);
		Browser.waitUntil(browser, (driver) -> frameLocation(driver).equals(this.system.kinshipUrl() + path)
				&& "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState;")));
	}

	private static String frameLocation(WebDriver browser) {
		return String.valueOf(((JavascriptExecutor) browser).executeScript("return window.location.href;"));
	}

	private static By message(String text) {
		return By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]");
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

}
