package dev.kinship.sandbox.auth;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the launch context into the tokens: {@code patient} and {@code fhirUser} into the
 * access token (the FHIR server enforces the patient compartment from them), and an
 * absolute {@code fhirUser} into the {@code id_token}.
 */
class SmartTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SmartContextResolver contexts;

	SmartTokenClaims(SmartContextResolver contexts) {
		this.contexts = contexts;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (context.getAuthorization() == null) {
			return;
		}
		this.contexts.resolve(context.getAuthorization()).ifPresent((smart) -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims().claim("fhirUser", smart.fhirUser());
				if (smart.patient() != null) {
					context.getClaims().claim("patient", smart.patient());
				}
			}
			else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
					&& context.getAuthorizedScopes().contains(SmartScopes.FHIR_USER)) {
				String fhirBase = AuthorizationServerContextHolder.getContext().getIssuer() + "/fhir";
				context.getClaims().claim("fhirUser", fhirBase + "/" + smart.fhirUser());
				context.getClaims().claim("name", smart.name());
			}
		});
	}

}
