package org.kinship.launch.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.LaunchProperties;
import org.kinship.launch.internal.SmartDiscovery.SmartConfiguration;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client registrations made from the issuer registry and each EHR's discovery
 * document: endpoints are never guessed, and registering a hospital is configuration.
 */
@Component
class SmartClientRegistrations implements ClientRegistrationRepository {

	/** The redirect URI registered at an EHR is this followed by the issuer's key. */
	static final String REDIRECT_PATH_PREFIX = "{baseUrl}/login/oauth2/code/";

	private final IssuerRegistry issuers;

	private final SmartDiscovery discovery;

	SmartClientRegistrations(IssuerRegistry issuers, SmartDiscovery discovery) {
		this.issuers = issuers;
		this.discovery = discovery;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return this.issuers.findByRegistrationId(registrationId)
			.map((issuer) -> registration(issuer, registrationId))
			.orElse(null);
	}

	/**
	 * One registration for the EHR launch, and one more for standalone launches where
	 * their FHIR base is a different one, whose discovery may name other endpoints. Both
	 * come back to the same redirect URI, the one registered at the EHR: Spring finds the
	 * registration from the authorization request kept in the session.
	 */
	private ClientRegistration registration(RegisteredIssuer issuer, String registrationId) {
		SmartConfiguration smart = this.discovery.configuration(issuer, issuer.fhirBaseUrlOf(registrationId));
		LaunchProperties.Issuer settings = issuer.settings();
		return ClientRegistration.withRegistrationId(registrationId)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(authenticationMethod(settings.clientAuthentication()))
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(REDIRECT_PATH_PREFIX + issuer.key())
			.scope(settings.scopeList())
			.authorizationUri(smart.authorizationEndpoint())
			.tokenUri(smart.tokenEndpoint())
			.jwkSetUri(smart.jwksUri())
			.issuerUri(smart.issuer())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.clientName(issuer.displayName())
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

	static ClientAuthenticationMethod authenticationMethod(String configured) {
		return switch (configured) {
			case "private_key_jwt" -> ClientAuthenticationMethod.PRIVATE_KEY_JWT;
			case "client_secret_basic" -> ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
			case "none" -> ClientAuthenticationMethod.NONE;
			default -> throw new IllegalStateException("Unknown client authentication '" + configured
					+ "': use private_key_jwt, client_secret_basic or none");
		};
	}

}
