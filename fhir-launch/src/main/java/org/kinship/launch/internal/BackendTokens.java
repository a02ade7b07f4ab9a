package org.kinship.launch.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.internal.SmartDiscovery.SmartConfiguration;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;

/**
 * System tokens for SMART backend services: {@code client_credentials} with a fresh
 * {@code private_key_jwt} assertion for each token and {@code system/} scopes. There are
 * no refresh tokens; a token is reused until shortly before it expires.
 */
@Component
public class BackendTokens {

	private final SmartDiscovery discovery;

	private final RestClientClientCredentialsTokenResponseClient tokenClient;

	private final Map<String, OAuth2AccessToken> tokens = new ConcurrentHashMap<>();

	BackendTokens(SmartDiscovery discovery, TokenEndpointClients tokenClients) {
		this.discovery = discovery;
		this.tokenClient = tokenClients.clientCredentials();
	}

	/**
	 * A system access token for an EHR.
	 * @param issuer the EHR, which must have a {@code backend-client-id}
	 * @return the token value
	 * @throws IllegalStateException when the EHR has no backend-services registration
	 */
	public String accessToken(RegisteredIssuer issuer) {
		OAuth2AccessToken current = this.tokens.get(issuer.key());
		if (current != null && current.getExpiresAt() != null
				&& current.getExpiresAt().isAfter(Instant.now().plus(LaunchSecurityConfiguration.REFRESH_AHEAD))) {
			return current.getTokenValue();
		}
		OAuth2AccessToken fresh = this.tokenClient
			.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration(issuer)))
			.getAccessToken();
		this.tokens.put(issuer.key(), fresh);
		return fresh.getTokenValue();
	}

	private ClientRegistration registration(RegisteredIssuer issuer) {
		String clientId = issuer.settings().backendClientId();
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalStateException("No backend-client-id is configured for issuer " + issuer.key());
		}
		SmartConfiguration smart = this.discovery.configuration(issuer);
		return ClientRegistration.withRegistrationId(issuer.key() + "-backend")
			.clientId(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(issuer.settings().backendScopes().trim().split("\\s+"))
			.tokenUri(smart.tokenEndpoint())
			.build();
	}

}
