package org.kinship.launch;

import java.util.concurrent.TimeUnit;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times every FHIR call Kinship makes to an EHR, per issuer: {@code kinship.fhir.calls}
 * (a timer tagged with the issuer's key, the kind of client and the outcome) and
 * {@code kinship.fhir.errors} (answers of 400 and above, per issuer). Tags are bounded:
 * the registered issuers' keys, never a patient, user or URL. A call that gets no answer
 * at all (a refused connection, a timeout) shows as an exception to its caller and in the
 * issuer's health indicator, not here: HAPI's client interceptors only see answers.
 */
@Component
class FhirCallMeters {

	static final String CALLS = "kinship.fhir.calls";

	static final String ERRORS = "kinship.fhir.errors";

	private final MeterRegistry registry;

	FhirCallMeters(ObjectProvider<MeterRegistry> registry, IssuerRegistry issuers) {
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
		// at zero from the start, so that a rate of errors is there before the first one
		issuers.all().forEach((issuer) -> this.registry.counter(ERRORS, "issuer", issuer.key()));
	}

	/**
	 * An interceptor for one client.
	 * @param issuerKey the issuer's configuration key
	 * @param client {@code user} (the member's own token) or {@code backend}
	 * @return the interceptor to register on the client
	 */
	IClientInterceptor interceptor(String issuerKey, String client) {
		return new Timed(issuerKey, client);
	}

	static String outcome(int status) {
		if (status < 300) {
			return "success";
		}
		return (status < 400) ? "redirect" : (status < 500) ? "client_error" : "server_error";
	}

	private final class Timed implements IClientInterceptor {

		private final String issuerKey;

		private final String client;

		/**
		 * The start of the call in flight on this thread, as {@link AuditedReads} does.
		 */
		private final ThreadLocal<Long> started = new ThreadLocal<>();

		Timed(String issuerKey, String client) {
			this.issuerKey = issuerKey;
			this.client = client;
		}

		@Override
		public void interceptRequest(IHttpRequest request) {
			this.started.set(System.nanoTime());
		}

		@Override
		public void interceptResponse(IHttpResponse response) {
			Long start = this.started.get();
			this.started.remove();
			int status = response.getStatus();
			if (start != null) {
				Timer.builder(CALLS)
					.description("FHIR calls to an EHR, from request to answer")
					.tag("issuer", this.issuerKey)
					.tag("client", this.client)
					.tag("outcome", outcome(status))
					.publishPercentileHistogram()
					.register(FhirCallMeters.this.registry)
					.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			if (status >= 400) {
				FhirCallMeters.this.registry.counter(ERRORS, "issuer", this.issuerKey).increment();
			}
		}

	}

}
