package org.kinship.launch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
			.map((entry) -> new RegisteredIssuer(entry.getKey(), entry.getValue().displayName(),
					normalize(entry.getValue().fhirBaseUrl().toString()), entry.getValue().clientId()))
			.sorted(Comparator.comparing(RegisteredIssuer::displayName))
			.toList();
	}

	/**
	 * Finds the registration whose FHIR base URL equals {@code iss}, ignoring a trailing
	 * slash.
	 * @param iss the issuer sent by the EHR, possibly {@code null}
	 * @return the registration, or empty when {@code iss} is missing or not registered
	 */
	public Optional<RegisteredIssuer> findByIss(@org.jspecify.annotations.Nullable String iss) {
		if (iss == null || iss.isBlank()) {
			return Optional.empty();
		}
		String wanted = normalize(iss.trim());
		return this.issuers.stream().filter((issuer) -> issuer.fhirBaseUrl().equals(wanted)).findFirst();
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
	 * @param key the configuration key
	 * @param displayName the health system's name
	 * @param fhirBaseUrl the FHIR base URL without a trailing slash
	 * @param clientId Kinship's client id there
	 */
	public record RegisteredIssuer(String key, String displayName, String fhirBaseUrl, String clientId) {
	}

}
