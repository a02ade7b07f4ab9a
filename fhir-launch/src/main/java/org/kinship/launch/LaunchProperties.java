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
 * @param clientKey Kinship's private key for {@code private_key_jwt}, as a JWK (JSON); a
 * key is generated at start when empty, which suits development only
 */
@Validated
@ConfigurationProperties("kinship.launch")
public record LaunchProperties(@DefaultValue @Valid Map<String, Issuer> issuers,
		@DefaultValue("PT10M") Duration discoveryTtl, @DefaultValue("PT2S") Duration connectTimeout,
		@DefaultValue("PT5S") Duration readTimeout, @DefaultValue("PT12H") Duration absoluteSessionTimeout,
		@Nullable String clientKey) {

	/** The scopes Kinship asks for by default: the least its features need. */
	public static final String DEFAULT_SCOPES = "openid fhirUser offline_access patient/Patient.rs "
			+ "patient/Condition.rs patient/CarePlan.rs patient/Goal.rs patient/MedicationRequest.rs "
			+ "patient/CareTeam.rs patient/Appointment.rs patient/Practitioner.rs";

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
	 * @param roles Kinship's own rights seeded for this EHR's users: {@code fhirUser}
	 * reference to {@code COMMUNITY_MANAGER} or {@code FACILITATOR}
	 * @param frameAncestors the origins of the hospital's portal pages that may show
	 * Kinship in a frame ({@code https://portal.example}, a port if not the scheme's
	 * default); none: no page may frame Kinship for this hospital
	 */
	public record Issuer(@NotBlank String displayName, @NotNull URI fhirBaseUrl, @NotBlank String clientId,
			@DefaultValue("client_secret_basic") String clientAuthentication, @Nullable String clientSecret,
			@DefaultValue(DEFAULT_SCOPES) String scopes, @Nullable String backendClientId,
			@DefaultValue("system/Patient.rs system/Condition.rs system/MedicationRequest.rs") String backendScopes,
			@DefaultValue Map<String, String> roles, @DefaultValue List<@Pattern(regexp = ORIGIN,
					message = "must be an origin such as https://portal.example") String> frameAncestors) {

		/**
		 * The configured scopes, one by one.
		 * @return the scopes
		 */
		public List<String> scopeList() {
			return List.of(this.scopes.trim().split("\\s+"));
		}

	}

}
