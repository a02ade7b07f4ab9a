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
					standaloneBase(entry.getValue()), entry.getValue()))
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
	 * Finds a registration by the id of one of its OAuth2 client registrations: the key
	 * itself, or the key of an issuer whose standalone launches have a FHIR base of their
	 * own followed by {@link RegisteredIssuer#STANDALONE_SUFFIX}.
	 * @param registrationId the OAuth2 registration id
	 * @return the registration, if any
	 */
	public Optional<RegisteredIssuer> findByRegistrationId(String registrationId) {
		return this.issuers.stream()
			.filter((issuer) -> issuer.key().equals(registrationId)
					|| issuer.standaloneRegistrationId().equals(registrationId))
			.findFirst();
	}

	/**
	 * All registrations, by display name.
	 * @return the registrations
	 */
	public List<RegisteredIssuer> all() {
		return this.issuers;
	}

	/**
	 * The registrations that a person may choose for a standalone launch: all but those
	 * marked EHR-launch only.
	 * @return the registrations, by display name
	 */
	public List<RegisteredIssuer> standalone() {
		return this.issuers.stream().filter(RegisteredIssuer::offersStandalone).toList();
	}

	private static String normalize(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static @Nullable String standaloneBase(LaunchProperties.Issuer settings) {
		return (settings.standaloneFhirBaseUrl() != null) ? normalize(settings.standaloneFhirBaseUrl().toString())
				: null;
	}

	/**
	 * A registered hospital.
	 *
	 * @param key the configuration key, also the OAuth2 registration id
	 * @param fhirBaseUrl the FHIR base URL without a trailing slash: the EHR launch's
	 * {@code iss}, and the community's identity in Kinship's tables
	 * @param separateStandaloneBase the FHIR base of standalone launches without a
	 * trailing slash, when it is not {@code fhirBaseUrl}
	 * @param settings the configured settings
	 */
	public record RegisteredIssuer(String key, String fhirBaseUrl, @Nullable String separateStandaloneBase,
			LaunchProperties.Issuer settings) {

		/**
		 * Ends the OAuth2 registration id of standalone launches at an issuer whose
		 * standalone FHIR base is its own: a character that no environment variable puts
		 * in a key.
		 */
		public static final String STANDALONE_SUFFIX = "~standalone";

		/**
		 * Whether "choose your health system" offers this EHR.
		 * @return false when it is marked EHR-launch only
		 */
		public boolean offersStandalone() {
			return !this.settings.ehrLaunchOnly();
		}

		/**
		 * The FHIR base of a standalone launch.
		 * @return the standalone FHIR base, or the EHR launch's when it has none of its
		 * own
		 */
		public String standaloneFhirBaseUrl() {
			return (this.separateStandaloneBase != null) ? this.separateStandaloneBase : this.fhirBaseUrl;
		}

		/**
		 * The OAuth2 registration id of a standalone launch: the key, unless the
		 * standalone FHIR base is its own (it may name other endpoints in discovery).
		 * @return the registration id
		 */
		public String standaloneRegistrationId() {
			return (this.separateStandaloneBase != null) ? this.key + STANDALONE_SUFFIX : this.key;
		}

		/**
		 * The FHIR base that a session of one of this issuer's registrations reads from
		 * and names as {@code aud}.
		 * @param registrationId the OAuth2 registration id
		 * @return the FHIR base URL
		 */
		public String fhirBaseUrlOf(String registrationId) {
			return registrationId.equals(this.key) ? this.fhirBaseUrl : standaloneFhirBaseUrl();
		}

		/**
		 * The health system's name.
		 * @return the display name
		 */
		public String displayName() {
			return this.settings.displayName();
		}

	}

}
