package org.kinship.launch.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Makes Spring's authorization request a SMART one: PKCE S256, {@code aud} set to the
 * FHIR base URL, and for an EHR launch the {@code launch} scope and value, for a
 * standalone launch {@code launch/patient}. Spring supplies the {@code state} (256 random
 * bits, kept in the session and used once) and the {@code nonce}.
 */
class SmartAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	static final String LAUNCH = "launch";

	static final String LAUNCH_PATIENT = "launch/patient";

	private final DefaultOAuth2AuthorizationRequestResolver delegate;

	private final IssuerRegistry issuers;

	SmartAuthorizationRequests(ClientRegistrationRepository registrations, IssuerRegistry issuers) {
		this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				DefaultOAuth2AuthorizationRequestResolver.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		this.issuers = issuers;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return smart(request, this.delegate.resolve(request));
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
		return smart(request, this.delegate.resolve(request, registrationId));
	}

	private @Nullable OAuth2AuthorizationRequest smart(HttpServletRequest request,
			@Nullable OAuth2AuthorizationRequest authorization) {
		if (authorization == null) {
			return null;
		}
		String registrationId = authorization.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
		var issuer = this.issuers.findByRegistrationId(registrationId).orElseThrow();
		PendingLaunch pending = PendingLaunch.take(request);
		String launch = (pending != null && issuer.key().equals(pending.issuerKey())
				&& registrationId.equals(issuer.key())) ? pending.launch() : null;
		Set<String> scopes = new LinkedHashSet<>(authorization.getScopes());
		scopes.add((launch != null) ? LAUNCH : LAUNCH_PATIENT);
		return OAuth2AuthorizationRequest.from(authorization).scopes(scopes).additionalParameters((parameters) -> {
			parameters.put("aud", issuer.fhirBaseUrlOf(registrationId));
			if (launch != null) {
				parameters.put(LAUNCH, launch);
			}
		}).build();
	}

}
