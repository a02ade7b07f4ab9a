package org.kinship.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted launch, as {@code curl -L} with a cookie jar does it: plain redirects, no
 * JavaScript, ending on Kinship's page.
 */
class ScriptedLaunchIntegrationTests {

	private final RunningKinship system = RunningKinship.get();

	private final HttpClient curl = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	@Test
	void personasAreListedForScripts() throws Exception {
		HttpResponse<String> personas = get(this.system.sandboxUrl() + "/personas");
		assertThat(personas.statusCode()).isEqualTo(200);
		assertThat(personas.body()).contains("\"role\":\"PATIENT\"", "\"role\":\"CAREGIVER\"",
				"\"role\":\"CLINICIAN\"");
	}

	@Test
	void scriptedEhrLaunchOfADemoPatientEndsOnKinshipsPage() throws Exception {
		String persona = firstPatientId();
		HttpResponse<String> response = get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.uri().toString()).startsWith(this.system.kinshipUrl() + "/launch?iss=");
		assertThat(response.body()).contains("Kinship Sandbox Health");
	}

	private String firstPatientId() throws Exception {
		String body = get(this.system.sandboxUrl() + "/personas").body();
		int role = body.indexOf("\"role\":\"PATIENT\"");
		int start = body.lastIndexOf("\"id\":\"", role) + 6;
		return body.substring(start, body.indexOf('"', start));
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.curl.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
