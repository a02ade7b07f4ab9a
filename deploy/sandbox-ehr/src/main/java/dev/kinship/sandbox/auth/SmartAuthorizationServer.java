package dev.kinship.sandbox.auth;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What makes Spring's authorization server a SMART App Launch 2.2 server: the SMART
 * checks on authorize, and the launch context in the token response. PKCE is required
 * through each client's settings; OpenID Connect issues the {@code id_token}.
 */
@Component
class SmartAuthorizationServer {

	private final LaunchContexts launches;

	private final OAuth2AuthorizationService authorizations;

	private final SmartContextResolver contexts;

	SmartAuthorizationServer(LaunchContexts launches, OAuth2AuthorizationService authorizations,
			SmartContextResolver contexts) {
		this.launches = launches;
		this.authorizations = authorizations;
		this.contexts = contexts;
	}

	void configure(OAuth2AuthorizationServerConfigurer authorizationServer) {
		OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		tokenResponse.setAccessTokenResponseCustomizer(new SmartTokenResponse(this.authorizations, this.contexts));
		authorizationServer.authorizationEndpoint(
				(endpoint) -> endpoint.authenticationProviders((providers) -> providers.forEach((provider) -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
						codeRequests
							.setAuthenticationValidator(new OAuth2AuthorizationCodeRequestAuthenticationValidator()
								.andThen(new SmartAuthorizationRequestValidator(this.launches)));
					}
				})))
			.clientAuthentication((clients) -> clients
				.authenticationConverters((converters) -> converters.add(0, new ClientIdFromAssertion())))
			.tokenEndpoint((endpoint) -> endpoint.accessTokenResponseHandler(tokenResponse))
			.oidc(Customizer.withDefaults());
	}

}
