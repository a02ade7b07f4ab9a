package org.kinship.launch.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.LaunchProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads an EHR's {@code {iss}/.well-known/smart-configuration} and keeps it for a while.
 * Only registered issuers get here, so the URL fetched is always one from configuration.
 * The FHIR base URL and the endpoints discovery names must use TLS, except on this
 * machine during local development, since codes, secrets and tokens go to them.
 */
@Component
class SmartDiscovery {

	private final RestClient http;

	private final LaunchProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	SmartDiscovery(EhrHttp ehrHttp, LaunchProperties properties) {
		this.http = ehrHttp.restClient();
		this.properties = properties;
	}

	SmartConfiguration configuration(RegisteredIssuer issuer) {
		return configuration(issuer, issuer.fhirBaseUrl());
	}

	/**
	 * The SMART configuration of one of an issuer's FHIR bases.
	 * @param issuer the registered issuer
	 * @param fhirBase its EHR launch's or its standalone FHIR base
	 * @return the configuration
	 */
	SmartConfiguration configuration(RegisteredIssuer issuer, String fhirBase) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(fhirBase);
		if (cached != null && cached.expires().isAfter(now)) {
			return cached.configuration();
		}
		SmartConfiguration fresh = fetch(issuer, fhirBase);
		this.cache.put(fhirBase, new Cached(fresh, now.plus(this.properties.discoveryTtl())));
		return fresh;
	}

	/**
	 * The authorization endpoints discovered so far, expired ones included (an EHR rarely
	 * moves its endpoint), without any network call: what a page's {@code form-action}
	 * may name beside the issuers' own origins.
	 * @return the endpoints, by FHIR base
	 */
	Map<String, String> knownAuthorizationEndpoints() {
		Map<String, String> endpoints = new java.util.TreeMap<>();
		this.cache.forEach((key, cached) -> endpoints.put(key, cached.configuration().authorizationEndpoint()));
		return endpoints;
	}

	private SmartConfiguration fetch(RegisteredIssuer issuer, String fhirBase) {
		if (!secure(fhirBase)) {
			throw new LaunchProblem(LaunchProblem.EHR_UNAVAILABLE,
					"The FHIR base URL of " + issuer.key() + " does not use https", null);
		}
		JsonNode document;
		try {
			document = this.http.get()
				.uri(fhirBase + "/.well-known/smart-configuration")
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RestClientException | tools.jackson.core.JacksonException ex) {
			throw new LaunchProblem(LaunchProblem.EHR_UNAVAILABLE,
					"Discovery failed for " + issuer.key() + ": " + ex.getClass().getSimpleName(), ex);
		}
		if (document == null) {
			throw new LaunchProblem(LaunchProblem.EHR_UNAVAILABLE, "Empty discovery for " + issuer.key(), null);
		}
		String jwksUri = text(document, "jwks_uri");
		if (jwksUri != null && !secure(jwksUri)) {
			throw new LaunchProblem(LaunchProblem.EHR_UNAVAILABLE,
					"Discovery for " + issuer.key() + " names a jwks_uri without https", null);
		}
		return new SmartConfiguration(text(document, "issuer"), required(document, "authorization_endpoint", issuer),
				required(document, "token_endpoint", issuer), jwksUri, texts(document.get("capabilities")));
	}

	private static String required(JsonNode document, String field, RegisteredIssuer issuer) {
		String value = text(document, field);
		if (value == null || !secure(value)) {
			throw new LaunchProblem(LaunchProblem.EHR_UNAVAILABLE,
					"Discovery for " + issuer.key() + " lacks a usable " + field + " (https)", null);
		}
		return value;
	}

	/** https, or plain http to this machine: the only place a local EHR runs. */
	static boolean secure(String url) {
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			if (host == null) {
				return false;
			}
			return "https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme())
					&& ("localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host)));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable String text(JsonNode document, String field) {
		JsonNode node = document.get(field);
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static List<String> texts(@Nullable JsonNode array) {
		if (array == null || !array.isArray()) {
			return List.of();
		}
		return array.valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList();
	}

	/**
	 * What Kinship uses of an EHR's SMART configuration.
	 *
	 * @param issuer the OpenID issuer that signs {@code id_token}s, if given
	 * @param authorizationEndpoint the authorize URL
	 * @param tokenEndpoint the token URL
	 * @param jwksUri the EHR's public keys
	 * @param capabilities the SMART capabilities
	 */
	record SmartConfiguration(@Nullable String issuer, String authorizationEndpoint, String tokenEndpoint,
			@Nullable String jwksUri, List<String> capabilities) {
	}

	private record Cached(SmartConfiguration configuration, Instant expires) {
	}

}
