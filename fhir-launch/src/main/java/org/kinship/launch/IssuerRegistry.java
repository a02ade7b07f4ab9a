package org.kinship.launch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The registered hospitals. Matching an {@code iss} is a pure look-up in configuration:
 * nothing here touches the network, so an attacker's URL is never fetched.
 */
@Component
public class IssuerRegistry {

	private final List<RegisteredIssuer> issuers;

	IssuerRegistry(LaunchProperties properties) {
		this.issuers = properties.issuers()
			.entrySet()
			.stream()
			.map((entry) -> new RegisteredIssuer(entry.getKey(), normalize(entry.getValue().fhirBaseUrl().toString()),
					entry.getValue()))
			.sorted(Comparator.comparing(RegisteredIssuer::displayName))
			.toList();
	}

	/**
	 * Finds the registration whose FHIR base URL equals {@code iss}, ignoring a trailing
	 * slash.
	 * @param iss the issuer sent by the EHR, possibly {@code null}
	 * @return the registration, or empty when {@code iss} is missing or not registered
	 */
	public Optional<RegisteredIssuer> findByIss(@Nullable String iss) {
		if (iss == null || iss.isBlank()) {
			return Optional.empty();
		}
		String wanted = normalize(iss.trim());
		return this.issuers.stream().filter((issuer) -> issuer.fhirBaseUrl().equals(wanted)).findFirst();
	}

	/**
	 * Finds a registration by its configuration key.
	 * @param key the key
	 * @return the registration, if any
	 */
	public Optional<RegisteredIssuer> findByKey(String key) {
		return this.issuers.stream().filter((issuer) -> issuer.key().equals(key)).findFirst();
	}

	/**
	 * All registrations, by display name, for the "choose your health system" page.
	 * @return the registrations
	 */
	public List<RegisteredIssuer> all() {
		return this.issuers;
	}

	private static String normalize(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * A registered hospital.
	 *
	 * @param key the configuration key, also the OAuth2 registration id
	 * @param fhirBaseUrl the FHIR base URL without a trailing slash
	 * @param settings the configured settings
	 */
	public record RegisteredIssuer(String key, String fhirBaseUrl, LaunchProperties.Issuer settings) {

		/**
		 * The health system's name.
		 * @return the display name
		 */
		public String displayName() {
			return this.settings.displayName();
		}

	}

}
