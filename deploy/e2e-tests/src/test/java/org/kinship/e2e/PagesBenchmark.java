package org.kinship.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The {@code deploy/bench/pages} benchmark, not a test: its name keeps it out of the
 * build's test runs, and the script runs it by name. For each main page of each role it
 * loads the page in headless Chromium on a throttled connection (Chromium's network
 * emulation over the DevTools protocol: {@code kinship.bench.rtt-ms} round trip,
 * {@code kinship.bench.kbps} down and up), first with an empty cache, then again with the
 * cache the first load left, and records the bytes transferred (navigation and every
 * resource, headers included, as the Resource Timing API counts them) and the time until
 * the page is shown: the load event, and on a group's page the newest messages in the
 * list too. Writes a line per page and load, then the summary as JSON, to
 * {@code kinship.bench.out}.
 */
@ExtendWith(Browsers.class)
class PagesBenchmark {

	private static final String SHOWN = "window.__kinshipShown = null; new MutationObserver((changes, observer) => {"
			+ " const list = document.getElementById('messages');"
			+ " if (!list || list.querySelector('li.message')) { window.__kinshipShown = performance.now(); observer.disconnect(); }"
			+ " }).observe(document, { childList: true, subtree: true });";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void measurePages(WebDriver patient, WebDriver caregiver, WebDriver facilitator, WebDriver manager)
			throws Exception {
		int rtt = Integer.getInteger("kinship.bench.rtt-ms", 400);
		int kbps = Integer.getInteger("kinship.bench.kbps", 400);
		int runs = Integer.getInteger("kinship.bench.runs", 3);
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("patient", List.of("/", "/groups", "/groups/heart-failure-support", "/broadcasts", "/help", "/me"));
		pages.put("caregiver", List.of("/", "/groups", "/broadcasts", "/help"));
		pages.put("facilitator", List.of("/", "/review", "/manage/groups", "/groups/heart-failure-support", "/help"));
		pages.put("manager", List.of("/", "/manage/broadcasts", "/admin/rights", "/manage/groups"));
		Map<String, WebDriver> browsers = Map.of("patient", patient, "caregiver", caregiver, "facilitator", facilitator,
				"manager", manager);
		Map<String, String> personas = Map.of("patient", "maria-santos", "caregiver", "grace-brooks", "facilitator",
				"tom-alvarez", "manager", "dr-sarah-lin");
		List<String> lines = new ArrayList<>();
		List<Double> cold = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		double maxKb = 0;
		for (var role : pages.entrySet()) {
			WebDriver browser = browsers.get(role.getKey());
			prepare(browser, personas.get(role.getKey()));
			throttle(browser, rtt, kbps);
			for (String path : role.getValue()) {
				for (int run = 0; run < runs; run++) {
					((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCache", Map.of());
					Load first = load(browser, path);
					Load second = load(browser, path);
					cold.add(first.ms());
					warm.add(second.ms());
					maxKb = Math.max(maxKb, first.kb());
					lines.add(String.format(Locale.ROOT, "%-12s %-32s cold %7.0f ms %7.1f KB   warm %7.0f ms %7.1f KB",
							role.getKey(), path, first.ms(), first.kb(), second.ms(), second.kb()));
				}
			}
		}
		int count = pages.values().stream().mapToInt(List::size).sum();
		String json = String.format(Locale.ROOT,
				"{\"pages\":%d,\"cold_p95_ms\":%.0f,\"warm_p95_ms\":%.0f,\"max_kb\":%.1f,\"rtt_ms\":%d,\"kbps\":%d,\"runs\":%d}",
				count, p95(cold), p95(warm), maxKb, rtt, kbps, runs);
		lines.add(json);
		Path out = Path.of(System.getProperty("kinship.bench.out", "target/pages-benchmark.txt"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.write(out, lines);
	}

	private void prepare(WebDriver browser, String persona) {
		browser.manage().window().setSize(Browser.PHONE);
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		if ("maria-santos".equals(persona) || "tom-alvarez".equals(persona)) {
			browser.get(this.system.kinshipUrl() + "/groups/heart-failure-support");
			if (browser.findElements(By.id("chat")).isEmpty()) {
				browser.get(this.system.kinshipUrl() + "/groups/heart-failure-support/join");
				browser.findElement(By.id("displayName")).sendKeys(persona.substring(0, 4) + System.nanoTime() % 1000);
				browser.findElement(By.id("acceptGuidelines")).click();
				browser.findElement(By.id("join-submit")).click();
				Browser.waitFor(browser, By.id("chat"));
			}
		}
		((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SHOWN));
	}

	private static void throttle(WebDriver browser, int rtt, int kbps) {
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Network.enable", Map.of());
		int bytesPerSecond = kbps * 1000 / 8;
		chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", rtt,
				"downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
	}

	private Load load(WebDriver browser, String path) {
		browser.get(this.system.kinshipUrl() + path);
		JavascriptExecutor page = (JavascriptExecutor) browser;
		Browser.waitUntil(browser,
				(driver) -> Boolean.TRUE.equals(page.executeScript(
						"const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0"
								+ " && (!document.getElementById('messages') || window.__kinshipShown !== null);")));
		// the STOMP client comes after the page is shown; its bytes count all the same
		Browser.waitUntil(browser, (driver) -> Boolean.TRUE.equals(page.executeScript(
				"return !document.querySelector('meta[name=kinship-stomp-client]') || !document.querySelector('script[type=module]')"
						+ " || performance.getEntriesByType('resource').some((r) => r.name.includes('stomp'));")));
		Map<?, ?> figures = (Map<?, ?>) page.executeScript("const n = performance.getEntriesByType('navigation')[0];"
				+ " const bytes = performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, n.transferSize);"
				+ " return { ms: Math.max(n.loadEventEnd, window.__kinshipShown || 0), bytes: bytes };");
		return new Load(((Number) figures.get("ms")).doubleValue(),
				((Number) figures.get("bytes")).doubleValue() / 1024);
	}

	private static double p95(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
	}

	private record Load(double ms, double kb) {
	}

}
