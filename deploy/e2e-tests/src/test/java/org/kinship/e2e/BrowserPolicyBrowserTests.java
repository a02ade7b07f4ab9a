package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.launch.BrowserPolicyViolations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinship's {@code Content-Security-Policy} on every page of every role (member,
 * facilitator, community manager), and Chromium walking those pages, sockets connected,
 * without one violation reported. A style attribute put into the last page shows that
 * violations do reach the report endpoint, so that none reported means none happened.
 */
@ExtendWith(Browsers.class)
class BrowserPolicyBrowserTests {

	private static final Map<String, List<String>> PAGES = Map.of("linda-okafor",
			List.of("/", "/groups", "/groups/heart-failure-support", "/groups/heart-failure-support/join",
					"/broadcasts", "/me", "/me/moderation", "/conversations", "/launch/choose"),
			"tom-alvarez", List.of("/", "/groups", "/review", "/me"), "dr-sarah-lin",
			List.of("/", "/manage/groups", "/manage/groups/new", "/manage/broadcasts", "/manage/broadcasts/new",
					"/admin/rights", "/review", "/review/settings", "/review/words", "/review/log"));

	private final RunningKinship system = RunningKinship.get();

	private final BrowserPolicyViolations violations = this.system.kinshipBean(BrowserPolicyViolations.class);

	@Test
	void everyPageOfEveryRoleCarriesThePolicy() throws Exception {
		for (var role : PAGES.entrySet()) {
			LaunchedPerson person = LaunchedPerson.launch(this.system, role.getKey());
			for (String path : role.getValue()) {
				HttpResponse<String> page = person.get(path);
				assertThat(page.statusCode()).as(role.getKey() + " " + path).isEqualTo(200);
				assertThat(page.headers().firstValue("Content-Security-Policy"))
					.as("the policy of " + path + " for " + role.getKey())
					.hasValueSatisfying(
							(policy) -> assertThat(policy).contains("default-src 'self'", "script-src 'self';",
									"style-src 'self';", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
									"frame-ancestors " + this.system.portalOrigin() + ";", "report-uri /csp-reports"));
				assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
				assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
			}
		}
	}

	@Test
	void noPageOfAnyRoleViolatesThePolicy(WebDriver member, WebDriver facilitator, WebDriver manager) {
		long before = this.violations.count();
		walk(member, "linda-okafor");
		walk(facilitator, "tom-alvarez");
		walk(manager, "dr-sarah-lin");

		long inlineStylesBefore = inlineStyleReports();
		((JavascriptExecutor) manager)
			.executeScript("const marked = document.createElement('p'); marked.setAttribute('style', 'color: red');"
					+ " document.body.append(marked);");
		Browser.waitUntil(manager, (driver) -> inlineStyleReports() > inlineStylesBefore);
		assertThat(this.violations.count() - before)
			.as(() -> "violations reported while walking: " + this.violations.byKind())
			.isEqualTo(inlineStyleReports() - inlineStylesBefore);
	}

	private void walk(WebDriver browser, String persona) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		for (String path : PAGES.get(persona)) {
			browser.get(this.system.kinshipUrl() + path);
			Browser.waitFor(browser, By.id("main"));
			if (!browser.findElements(By.id("broadcast-banner-region")).isEmpty()) {
				Browser.waitUntil(browser,
						ExpectedConditions.attributeToBe(By.id("broadcast-banner-region"), "data-connected", "true"));
			}
			if (!browser.findElements(By.id("chat-status")).isEmpty()) {
				Browser.waitUntil(browser,
						ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
			}
		}
	}

	private long inlineStyleReports() {
		return this.violations.byKind().getOrDefault("style-src-attr inline", 0L);
	}

}
