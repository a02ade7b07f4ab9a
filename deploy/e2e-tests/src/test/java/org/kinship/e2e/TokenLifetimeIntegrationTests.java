package org.kinship.e2e;

import java.time.Duration;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With ten-second access tokens the person notices nothing: Kinship refreshes and keeps
 * reading the record. When the person revokes Kinship's access at the portal, the next
 * refresh fails and the page asks them to open Kinship again.
 */
class TokenLifetimeIntegrationTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void tenSecondTokensAreRefreshedWithoutTheUserNoticing() throws Exception {
		Browserless person = new Browserless();
		HttpResponse<String> first = person.get(this.system.sandboxUrl() + "/launch?persona=maria-santos&mode=ehr");
		assertThat(first.body()).contains("Connected to your health record (Maria Santos)");

		HttpResponse<String> later = afterTheTokenExpired(() -> person.get(this.system.kinshipUrl() + "/"));
		assertThat(later.statusCode()).isEqualTo(200);
		assertThat(later.body()).contains("Connected to your health record (Maria Santos)");
		assertThat(this.system.kinshipBean(AuditLog.class).latest(this.system.sandboxUrl() + "/fhir", 50)).anyMatch(
				(entry) -> entry.action() == AuditAction.TOKEN_REFRESH && "Patient/maria-santos".equals(entry.actor()));
	}

	@Test
	void aRevokedGrantLeadsToTheRelaunchPage() throws Exception {
		Browserless person = new Browserless();
		HttpResponse<String> first = person.get(this.system.sandboxUrl() + "/launch?persona=emily-chen&mode=ehr");
		assertThat(first.body()).contains("Connected to your health record (Emily Chen)");
		HttpResponse<String> revoked = person.post(this.system.sandboxUrl() + "/personas/emily-chen/revoke");
		assertThat(revoked.body()).contains("\"revoked\":");

		HttpResponse<String> later = afterTheTokenExpired(() -> person.get(this.system.kinshipUrl() + "/"));
		assertThat(later.statusCode()).isEqualTo(401);
		assertThat(later.body()).contains("Please open Kinship again").doesNotContain("Exception");
	}

	/** A person's browser without JavaScript: a cookie jar that follows redirects. */
	static final class Browserless {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String url) throws IOException, InterruptedException {
			URI target = URI.create(url);
			for (int hop = 0; hop < 20; hop++) {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(target).build(),
						HttpResponse.BodyHandlers.ofString());
				var location = response.headers().firstValue("Location");
				if (response.statusCode() / 100 != 3 || location.isEmpty()) {
					return response;
				}
				target = target.resolve(location.get());
			}
			throw new IllegalStateException("Too many redirects from " + url);
		}

		/**
		 * The cookies this browser would send to a URL, as a {@code Cookie} header.
		 */
		String cookieHeader(String url) {
			return this.cookies.getCookieStore()
				.get(URI.create(url))
				.stream()
				.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
				.collect(java.util.stream.Collectors.joining("; "));
		}

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url) throws IOException, InterruptedException {
			return this.http.send(
					HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

	/**
	 * What a request gets once the access token has expired by Kinship's clock, moved
	 * instead of waited for, and moved back afterwards so that the next tests' tokens are
	 * as fresh as they are.
	 */
	private <T> T afterTheTokenExpired(Request<T> request) throws Exception {
		Duration expiry = Duration.ofSeconds(RunningKinship.ACCESS_TOKEN_SECONDS + 1);
		this.system.clock().advance(expiry);
		try {
			return request.send();
		}
		finally {
			this.system.clock().advance(expiry.negated());
		}
	}

	@FunctionalInterface
	private interface Request<T> {

		T send() throws Exception;

	}

}
