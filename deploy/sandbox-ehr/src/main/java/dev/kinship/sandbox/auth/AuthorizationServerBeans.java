package dev.kinship.sandbox.auth;

import java.util.List;
import java.util.UUID;

import dev.kinship.sandbox.SandboxProperties;
import dev.kinship.sandbox.SandboxProperties.Client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The authorization server's parts: the apps registered in configuration, where tokens
 * are kept, and how they are made.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerBeans {

	@Bean
	RegisteredClientRepository registeredClientRepository(SandboxProperties properties) {
		List<RegisteredClient> clients = properties.clients()
			.stream()
			.map((client) -> registeredClient(client, properties))
			.toList();
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SandboxProperties properties) {
		return AuthorizationServerSettings.builder()
			.authorizationEndpoint(properties.authorizationEndpoint())
			.tokenEndpoint(properties.tokenEndpoint())
			.build();
	}

	@Bean
	RevocableAuthorizations authorizationService() {
		return new RevocableAuthorizations();
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, SmartContextResolver contexts) {
		JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
		jwtGenerator.setJwtCustomizer(new SmartTokenClaims(contexts));
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OfflineAccessRefreshTokens());
	}

	private static RegisteredClient registeredClient(Client client, SandboxProperties properties) {
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(client.clientId())
			.clientName(client.name());
		ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
		switch (client.authentication()) {
			case "none" -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			case "client_secret_basic" ->
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientSecret("{noop}" + client.secret());
			case "private_key_jwt" -> {
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
				settings.jwkSetUrl(String.valueOf(client.jwkSetUrl()))
					.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.from(client.assertionAlgorithm()));
			}
			default -> throw new IllegalArgumentException("Unknown client authentication '" + client.authentication()
					+ "' for client " + client.clientId() + ": use none, client_secret_basic or private_key_jwt");
		}
		if (client.backendServices()) {
			builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((scopes) -> scopes.addAll(SmartScopes.system()));
		}
		else {
			settings.requireProofKey(true);
			builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.scopes((scopes) -> scopes.addAll(SmartScopes.userFacing()))
				.redirectUris((uris) -> client.redirectUris().forEach((uri) -> uris.add(uri.toString())));
		}
		return builder.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(properties.accessTokenTtl())
				.refreshTokenTimeToLive(properties.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

}
