package org.kinship.launch.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Decoders for EHRs' {@code id_token}s: the signature checked against the EHR's
 * {@code jwks_uri} (kept in a cache, so a launch does not fetch the keys again), RS256,
 * RS384 or ES384, and OpenID Connect's checks of issuer, audience, expiry and issue time.
 * The nonce is checked by Spring's login provider.
 */
@Component
class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		String key = registration.getRegistrationId() + "|" + registration.getProviderDetails().getJwkSetUri() + "|"
				+ registration.getProviderDetails().getIssuerUri();
		return this.decoders.computeIfAbsent(key, (ignored) -> decoder(registration));
	}

	private static JwtDecoder decoder(ClientRegistration registration) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.jwsAlgorithms((algorithms) -> {
				algorithms.add(SignatureAlgorithm.RS256);
				algorithms.add(SignatureAlgorithm.RS384);
				algorithms.add(SignatureAlgorithm.ES384);
			})
			.cache(new ConcurrentMapCache("jwks-" + registration.getRegistrationId()))
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new OidcIdTokenValidator(registration)));
		decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
		return decoder;
	}

}
