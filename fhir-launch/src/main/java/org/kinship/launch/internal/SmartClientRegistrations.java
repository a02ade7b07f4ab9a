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

	private final IssuerRegistry issuers;

	private final SmartDiscovery discovery;

	SmartClientRegistrations(IssuerRegistry issuers, SmartDiscovery discovery) {
		this.issuers = issuers;
		this.discovery = discovery;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return this.issuers.findByKey(registrationId).map(this::registration).orElse(null);
	}

	private ClientRegistration registration(RegisteredIssuer issuer) {
		SmartConfiguration smart = this.discovery.configuration(issuer);
		LaunchProperties.Issuer settings = issuer.settings();
		return ClientRegistration.withRegistrationId(issuer.key())
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(authenticationMethod(settings.clientAuthentication()))
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
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
