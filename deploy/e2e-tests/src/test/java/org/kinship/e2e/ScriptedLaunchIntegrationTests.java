package org.kinship.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches from the sandbox EHR into Kinship the way {@code curl -L} with a cookie jar
 * does: plain redirects, no JavaScript, ending on Kinship's home page with the person's
 * name and role. Tokens never reach a page or a cookie.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptedLaunchIntegrationTests {

	private final RunningKinship system = RunningKinship.get();

	private final CookieManager cookies = new CookieManager();

	private final HttpClient curl = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void listsEveryKindOfPersonForScripts() throws Exception {
		JsonNode personas = personas();
		assertThat(personas.valueStream().map((persona) -> persona.get("role").asString())).contains("PATIENT",
				"CAREGIVER", "CLINICIAN");
	}

	@Test
	void patientEhrLaunchEndsOnKinshipsHomePageWithNameAndRole(CapturedOutput logs) throws Exception {
		JsonNode patient = persona("PATIENT");
		HttpResponse<String> home = launch(patient, "ehr");
		// no token, and no record content, in the logs of either application
		assertThat(logs.getAll()).doesNotContain("eyJ").doesNotContain("Type 2 diabetes");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().toString()).isEqualTo(this.system.kinshipUrl() + "/");
		assertThat(home.body()).contains("Welcome, " + patient.get("displayName").asString())
			.contains("signed-in-role\">Patient<");
		assertNoTokenLeaked(home);
	}

	@Test
	void caregiverLaunchActsForThePersonCaredFor() throws Exception {
		JsonNode caregiver = persona("CAREGIVER");
		HttpResponse<String> home = launch(caregiver, "ehr");
		assertThat(home.body()).contains("Welcome, " + caregiver.get("displayName").asString())
			.contains("signed-in-role\">Caregiver<")
			.contains("acting for the person you care for");
		assertNoTokenLeaked(home);
	}

	@Test
	void clinicianLaunchOffersTheReferralWithoutThePatientBannerAndShowsKinshipsOwnRights() throws Exception {
		JsonNode clinician = personaWithFhirUser("Practitioner/dr-sarah-lin");
		HttpResponse<String> home = launch(clinician, "ehr");
		assertThat(home.body()).contains("signed-in-role\">Clinician<")
			.contains("Community manager")
			.contains("id=\"refer-link\"")
			.doesNotContain("patient-banner-name");
		assertNoTokenLeaked(home);
	}

	@Test
	void patientPortalLaunchShowsNoPatientBanner() throws Exception {
		assertThat(launch(persona("PATIENT"), "ehr").body()).doesNotContain("patient-banner-name");
	}

	@Test
	void standaloneLaunchReachesKinshipWithThePersonsOwnRecord() throws Exception {
		JsonNode patient = persona("PATIENT");
		HttpResponse<String> home = launch(patient, "standalone");
		assertThat(home.uri().toString()).isEqualTo(this.system.kinshipUrl() + "/");
		assertThat(home.body()).contains("Welcome, " + patient.get("displayName").asString());
	}

	@Test
	void replayingTheCallbackIsRefusedWithAPlainPage() throws Exception {
		HttpClient manual = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String url = this.system.sandboxUrl() + "/launch?persona=" + persona("PATIENT").get("id").asString()
				+ "&mode=ehr";
		String callback = null;
		for (int hop = 0; hop < 10 && callback == null; hop++) {
			HttpResponse<String> response = manual.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			URI current = URI.create(url);
			url = current.resolve(response.headers().firstValue("Location").orElseThrow()).toString();
			if (url.contains("/login/oauth2/code/")) {
				callback = url;
			}
		}
		assertThat(callback).isNotNull();
		assertThat(get(callback).uri().toString()).isEqualTo(this.system.kinshipUrl() + "/");
		HttpResponse<String> replay = get(callback);
		assertThat(replay.uri().getPath()).isEqualTo("/launch/problem");
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(replay.body()).contains("Reference number").doesNotContain("Exception");
	}

	private void assertNoTokenLeaked(HttpResponse<String> page) {
		// JWTs start with the base64 of '{"': none in the page, none in any cookie
		assertThat(page.body()).doesNotContain("eyJ");
		for (HttpCookie cookie : this.cookies.getCookieStore().getCookies()) {
			assertThat(cookie.getValue()).doesNotContain("eyJ");
			assertThat(cookie.getName()).isIn("KINSHIP_SESSION", "SANDBOX_EHR_SESSION");
		}
	}

	private HttpResponse<String> launch(JsonNode persona, String mode) throws Exception {
		return get(this.system.sandboxUrl() + "/launch?persona=" + persona.get("id").asString() + "&mode=" + mode);
	}

	private JsonNode persona(String role) throws Exception {
		return personas().valueStream()
			.filter((persona) -> persona.get("role").asString().equals(role))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode personaWithFhirUser(String fhirUser) throws Exception {
		return personas().valueStream()
			.filter((persona) -> persona.get("fhirUser").asString().equals(fhirUser))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode personas() throws Exception {
		return JsonMapper.builder().build().readTree(get(this.system.sandboxUrl() + "/personas").body());
	}

	/** Follows redirects as {@code curl -L} does (the JDK client stops after five). */
	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		URI target = URI.create(url);
		for (int hop = 0; hop < 20; hop++) {
			HttpResponse<String> response = this.curl.send(HttpRequest.newBuilder(target).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			var location = response.headers().firstValue("Location");
			if (response.statusCode() / 100 != 3 || location.isEmpty()) {
				return response;
			}
			target = target.resolve(location.get());
		}
		throw new IllegalStateException("Too many redirects from " + url);
	}

}
