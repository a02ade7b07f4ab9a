package dev.kinship.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

/**
 * Adds SMART's launch context to the token response: {@code patient}, {@code encounter},
 * {@code need_patient_banner}, {@code smart_style_url} and {@code intent}.
 */
class SmartTokenResponse implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	private final OAuth2AuthorizationService authorizations;

	private final SmartContextResolver contexts;

	SmartTokenResponse(OAuth2AuthorizationService authorizations, SmartContextResolver contexts) {
		this.authorizations = authorizations;
		this.contexts = contexts;
	}

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken token = context.getAuthentication();
		OAuth2Authorization authorization = this.authorizations.findByToken(token.getAccessToken().getTokenValue(),
				OAuth2TokenType.ACCESS_TOKEN);
		if (authorization == null) {
			return;
		}
		this.contexts.resolve(authorization).ifPresent((smart) -> {
			Map<String, Object> parameters = new LinkedHashMap<>(token.getAdditionalParameters());
			if (smart.patient() != null) {
				parameters.put("patient", smart.patient());
			}
			if (smart.encounter() != null) {
				parameters.put("encounter", smart.encounter());
			}
			if (smart.intent() != null) {
				parameters.put("intent", smart.intent());
			}
			parameters.put("need_patient_banner", smart.needPatientBanner());
			parameters.put("smart_style_url",
					AuthorizationServerContextHolder.getContext().getIssuer() + "/smart-style.json");
			context.getAccessTokenResponse().additionalParameters(parameters);
		});
	}

}
