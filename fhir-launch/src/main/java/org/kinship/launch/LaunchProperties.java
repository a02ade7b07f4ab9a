package org.kinship.launch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the launch module ({@code kinship.launch}).
 *
 * @param issuers the hospitals whose EHRs may launch Kinship, by a short key of our
 * choosing
 * @param discoveryTtl how long an EHR's {@code smart-configuration} is cached
 * @param connectTimeout connect timeout of every call to an EHR
 * @param readTimeout read timeout of every call to an EHR
 * @param absoluteSessionTimeout how long a session lasts however active it is
 * @param clientKey Kinship's private key for {@code private_key_jwt}, as a JWK (JSON);
 * required unless {@code generateClientKey} is set
 * @param previousClientKey a key still published in the JWK Set during a rotation, as a
 * JWK or a JWK Set (JSON); never used to sign
 * @param generateClientKey whether a key is generated at start when {@code clientKey} is
 * empty: for development, the demo and tests only
 * @param brands where the SMART User-access Brands Bundles are (a {@code file:},
 * {@code classpath:} or {@code https:} location each) that give the "choose your health
 * system" page names, logos and portal links
 * @param brandsTtl how long a brands Bundle read over HTTP is kept
 * @param installation this installation's name in the identifiers of what it writes to
 * EHRs ({@link EhrIdentifiers}), lowercase letters, digits and hyphens; required where
 * two installations write to one EHR
 */
@Validated
@ConfigurationProperties("kinship.launch")
public record LaunchProperties(@DefaultValue @Valid Map<String, Issuer> issuers,
		@DefaultValue("PT10M") Duration discoveryTtl, @DefaultValue("PT2S") Duration connectTimeout,
		@DefaultValue("PT5S") Duration readTimeout, @DefaultValue("PT12H") Duration absoluteSessionTimeout,
		@Nullable String clientKey, @Nullable String previousClientKey, boolean generateClientKey,
		@DefaultValue List<String> brands, @DefaultValue("PT1H") Duration brandsTtl,
		@Nullable @Pattern(regexp = "([a-z0-9][a-z0-9-]{0,31})?") String installation) {

	/** The scopes Kinship asks for by default: the least its features need. */
	public static final String DEFAULT_SCOPES = "openid fhirUser offline_access patient/Patient.rs "
			+ "patient/Condition.rs patient/CarePlan.rs patient/Goal.rs patient/MedicationRequest.rs "
			+ "patient/CareTeam.rs patient/Appointment.rs patient/Practitioner.rs patient/Observation.rs "
			+ "patient/QuestionnaireResponse.c";

	/**
	 * An origin as a frame ancestor is given: a scheme, a host (its leftmost label may be
	 * {@code *}) and a port, nothing after them, so that it can only ever be one source
	 * of a {@code Content-Security-Policy}.
	 */
	public static final String ORIGIN = "https?://(\\*\\.)?[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*(:[0-9]{1,5})?";

	/**
	 * One hospital's EHR.
	 *
	 * @param displayName the health system's name as patients know it
	 * @param fhirBaseUrl the FHIR base URL, which the EHR sends as {@code iss}
	 * @param clientId Kinship's client id at that EHR's authorization server
	 * @param clientAuthentication {@code private_key_jwt}, {@code client_secret_basic} or
	 * {@code none} (public client)
	 * @param clientSecret the secret, for {@code client_secret_basic}
	 * @param scopes the scopes to ask for, space-separated; {@code launch} or
	 * {@code launch/patient} is added by the kind of launch
	 * @param backendClientId the client id for backend services (cohort look-ups), if
	 * registered
	 * @param backendScopes the {@code system/} scopes for backend services
	 * @param roles Kinship's own rights seeded for this EHR's users, as a list so that
	 * environment variables can set them
	 * @param standaloneFhirBaseUrl the FHIR base offered for a standalone launch, when it
	 * is not the {@code iss} of the EHR launch; {@code null} for the same
	 * @param ehrLaunchOnly whether the EHR allows only launches from its own portal, so
	 * that "choose your health system" does not offer it
	 * @param frameAncestors the origins of the hospital's portal pages that may show
	 * Kinship in a frame ({@code https://portal.example}, a port if not the scheme's
	 * default); none: no page may frame Kinship for this hospital
	 */
	public record Issuer(@NotBlank String displayName, @NotNull URI fhirBaseUrl, @NotBlank String clientId,
			@DefaultValue("client_secret_basic") String clientAuthentication, @Nullable String clientSecret,
			@DefaultValue(DEFAULT_SCOPES) String scopes, @Nullable String backendClientId,
			@DefaultValue("system/Patient.rs system/Condition.rs system/MedicationRequest.rs") String backendScopes,
			@DefaultValue @Valid List<Role> roles, @Nullable URI standaloneFhirBaseUrl, boolean ehrLaunchOnly,
			@DefaultValue List<@Pattern(regexp = ORIGIN,
					message = "must be an origin such as https://portal.example") String> frameAncestors) {

		/**
		 * The configured scopes, one by one.
		 * @return the scopes
		 */
		public List<String> scopeList() {
			return List.of(this.scopes.trim().split("\\s+"));
		}

	}

	/**
	 * One of Kinship's own rights, granted at start to a user of an EHR.
	 *
	 * @param fhirUser the user's {@code fhirUser} reference, relative
	 * ({@code Practitioner/123})
	 * @param right {@code COMMUNITY_MANAGER} or {@code FACILITATOR}
	 */
	public record Role(@NotBlank String fhirUser, @NotNull CommunityRight right) {
	}

}
