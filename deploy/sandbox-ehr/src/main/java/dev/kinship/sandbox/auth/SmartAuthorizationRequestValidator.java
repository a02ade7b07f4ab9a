package dev.kinship.sandbox.auth;

import java.util.function.Consumer;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

/**
 * Checks on an authorize request that SMART adds to OAuth's, stricter than a lenient
 * launcher so that an app's mistakes show: {@code aud} must name this FHIR server, and a
 * {@code launch} scope needs a live {@code launch} value made for the signed-in person
 * and this app.
 */
class SmartAuthorizationRequestValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private static final String SMART_ERRORS = "https://hl7.org/fhir/smart-app-launch/app-launch.html";

	private final LaunchContexts launches;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	SmartAuthorizationRequestValidator(LaunchContexts launches) {
		this.launches = launches;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken authentication = context.getAuthentication();
		Object aud = authentication.getAdditionalParameters().get("aud");
		String fhirBase = AuthorizationServerContextHolder.getContext().getIssuer() + "/fhir";
		if (!(aud instanceof String audience) || !trimSlash(audience).equals(fhirBase)) {
			throw error("aud must be this FHIR server's base URL, " + fhirBase, authentication);
		}
		if (authentication.getScopes().contains(SmartScopes.LAUNCH)) {
			checkLaunch(authentication, context.getRegisteredClient().getClientId());
		}
	}

	private void checkLaunch(OAuth2AuthorizationCodeRequestAuthenticationToken authentication, String clientId) {
		Object launchValue = authentication.getAdditionalParameters().get(SmartScopes.LAUNCH);
		LaunchContext launch = this.launches.find((launchValue instanceof String value) ? value : null)
			.orElseThrow(() -> error("the launch scope needs the launch value this EHR sent", authentication));
		if (!launch.clientId().equals(clientId)) {
			throw error("this launch was made for another app", authentication);
		}
		// nobody signed in yet (anonymous) is not someone else: the authorization server
		// sends them to the portal's sign-in first, and this check runs again after it
		Authentication user = (Authentication) authentication.getPrincipal();
		if (this.trust.isAuthenticated(user) && !user.getName().equals(launch.personaId())) {
			throw error("this launch was made for someone else", authentication);
		}
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static OAuth2AuthorizationCodeRequestAuthenticationException error(String description,
			OAuth2AuthorizationCodeRequestAuthenticationToken authentication) {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, SMART_ERRORS);
		return new OAuth2AuthorizationCodeRequestAuthenticationException(error, authentication);
	}

}
