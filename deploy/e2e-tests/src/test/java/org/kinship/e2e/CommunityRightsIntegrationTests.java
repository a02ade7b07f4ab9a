package org.kinship.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kinship.e2e.TokenLifetimeIntegrationTests.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinship's own rights are managed by community managers on a page of their own, checked
 * on the server: the sandbox's seeded community manager grants a facilitator; a patient
 * cannot reach the page; a bad reference is refused with a plain message.
 */
class CommunityRightsIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final RunningKinship system = RunningKinship.get();

	@Test
	void communityManagerGrantsAFacilitator() throws Exception {
		Browserless manager = new Browserless();
		manager.get(this.system.sandboxUrl() + "/launch?persona=dr-sarah-lin&mode=ehr");
		HttpResponse<String> page = manager.get(this.system.kinshipUrl() + "/admin/rights");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Practitioner/tom-alvarez").contains("Practitioner/dr-sarah-lin");

		HttpResponse<String> granted = post(manager, "/admin/rights/grant", csrf(page.body()),
				"fhirUser=Practitioner/nurse-kim&right=FACILITATOR");
		assertThat(granted.body()).contains("Practitioner/nurse-kim").contains("Saved.");

		HttpResponse<String> refused = post(manager, "/admin/rights/grant", csrf(granted.body()), "fhirUser="
				+ URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8) + "&right=FACILITATOR");
		assertThat(refused.body()).contains("That is not a record reference of a person")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void patientsCannotReachTheRightsPage() throws Exception {
		Browserless patient = new Browserless();
		patient.get(this.system.sandboxUrl() + "/launch?persona=aisha-rahman&mode=ehr");
		assertThat(patient.get(this.system.kinshipUrl() + "/admin/rights").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> post(Browserless browser, String path, String csrf, String form) throws Exception {
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(this.system.kinshipUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build());
		assertThat(response.statusCode()).isEqualTo(302);
		return browser.get(this.system.kinshipUrl() + "/admin/rights");
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

}
