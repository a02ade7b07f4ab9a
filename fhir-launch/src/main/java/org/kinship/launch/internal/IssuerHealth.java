package org.kinship.launch.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each registered EHR as a health indicator of its own, under {@code fhirIssuers} in
 * {@code /actuator/health}: up when its {@code .well-known/smart-configuration} answers
 * 200 within {@link #TIMEOUT}, down otherwise. Not a member of the readiness group: an
 * EHR that is down leaves Kinship ready for everything that does not need that EHR, and
 * its members' launches fail with Kinship's own page. A result is kept for {@link #KEPT},
 * so that frequent health checks do not become traffic to the EHRs.
 */
@Configuration(proxyBeanMethods = false)
class IssuerHealth {

	/** How long a check may take before the EHR counts as down. */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** How long a result is reused. */
	static final Duration KEPT = Duration.ofSeconds(30);

	@Bean
	CompositeHealthContributor fhirIssuers(IssuerRegistry issuers) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Map<String, HealthIndicator> byKey = new LinkedHashMap<>();
		for (RegisteredIssuer issuer : issuers.all()) {
			byKey.put(issuer.key(), new Discovery(http, issuer.fhirBaseUrl(), Clock.systemUTC()));
		}
		return CompositeHealthContributor.fromMap(byKey);
	}

	/** One EHR's discovery document, checked at most once every {@link #KEPT}. */
	static final class Discovery implements HealthIndicator {

		private final HttpClient http;

		private final String fhirBaseUrl;

		private final Clock clock;

		private @Nullable Health last;

		private Instant checkedAt = Instant.MIN;

		Discovery(HttpClient http, String fhirBaseUrl, Clock clock) {
			this.http = http;
			this.fhirBaseUrl = fhirBaseUrl;
			this.clock = clock;
		}

		@Override
		public synchronized Health health() {
			Instant now = this.clock.instant();
			if (this.last == null || this.checkedAt.plus(KEPT).isBefore(now)) {
				this.last = check();
				this.checkedAt = now;
			}
			return this.last;
		}

		private Health check() {
			String base = this.fhirBaseUrl.endsWith("/") ? this.fhirBaseUrl : this.fhirBaseUrl + "/";
			Health.Builder health = new Health.Builder().withDetail("fhirBaseUrl", this.fhirBaseUrl);
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(base + ".well-known/smart-configuration"))
					.timeout(TIMEOUT)
					.header("Accept", "application/json")
					.GET()
					.build();
				int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				return ((status == 200) ? health.up() : health.down()).withDetail("status", status).build();
			}
			catch (IOException | IllegalArgumentException ex) {
				// the kind of failure only: a message may name hosts or addresses
				return health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return health.unknown().build();
			}
		}

	}

}
