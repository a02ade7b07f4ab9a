package dev.kinship.sandbox.auth;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.stereotype.Component;

/**
 * What makes Spring's authorization server a SMART App Launch 2.2 server.
 */
@Component
class SmartAuthorizationServer {

	void configure(OAuth2AuthorizationServerConfigurer authorizationServer) {
		authorizationServer.oidc(Customizer.withDefaults());
	}

}
