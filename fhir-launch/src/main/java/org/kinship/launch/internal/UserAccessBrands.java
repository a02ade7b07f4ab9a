package org.kinship.launch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Bundle;
import org.kinship.launch.LaunchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The SMART User-access Brands that a deployment names ({@code kinship.launch.brands}):
 * Bundles read from a {@code file:} or {@code classpath:} location, or over HTTPS with
 * the timeouts of every call to an EHR (never following a redirect). A Bundle is kept for
 * {@code kinship.launch.brands-ttl}; one that cannot be read is logged by its location
 * and the last good copy kept, so that the "choose your health system" page never waits
 * long or breaks on a brands file.
 */
@Component
public class UserAccessBrands {

	private static final Logger log = LoggerFactory.getLogger(UserAccessBrands.class);

	private final LaunchProperties properties;

	private final FhirContext fhirContext;

	private final RestClient http;

	private final ResourceLoader resources = new DefaultResourceLoader();

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	UserAccessBrands(LaunchProperties properties, FhirContext fhirContext, EhrHttp ehrHttp) {
		this.properties = properties;
		this.fhirContext = fhirContext;
		this.http = ehrHttp.restClient();
	}

	/**
	 * Every brand of every configured Bundle.
	 * @return the brands, in the order of the Bundles and their entries
	 */
	public List<Brand> all() {
		List<Brand> brands = new ArrayList<>();
		for (String location : this.properties.brands()) {
			if (!location.isBlank()) {
				brands.addAll(brandsAt(location.trim()));
			}
		}
		return brands;
	}

	private List<Brand> brandsAt(String location) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(location);
		if (cached != null && cached.expires().isAfter(now)) {
			return cached.brands();
		}
		List<Brand> brands;
		try {
			brands = BrandsBundle.brands(this.fhirContext.newJsonParser().parseResource(Bundle.class, read(location)));
		}
		catch (IOException | RestClientException | DataFormatException | ClassCastException ex) {
			log.warn("User-access brands at {} could not be read: {}", location, ex.getClass().getSimpleName());
			brands = (cached != null) ? cached.brands() : List.of();
		}
		this.cache.put(location, new Cached(brands, now.plus(this.properties.brandsTtl())));
		return brands;
	}

	private String read(String location) throws IOException {
		if (location.startsWith("https:") || location.startsWith("http:")) {
			if (!SmartDiscovery.secure(location)) {
				throw new IOException("Brands over plain http are read only from this machine");
			}
			String body = this.http.get()
				.uri(location)
				.accept(MediaType.APPLICATION_JSON, MediaType.valueOf("application/fhir+json"))
				.retrieve()
				.body(String.class);
			return (body != null) ? body : "";
		}
		try (InputStream in = this.resources.getResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private record Cached(List<Brand> brands, Instant expires) {
	}

}
