package org.kinship.launch.internal;

import java.util.function.Consumer;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractRestClientOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter.JwtClientAuthenticationContext;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The calls to EHR token endpoints (code exchange, refresh, client credentials): a form
 * POST with the EHR's timeouts, and for {@code private_key_jwt} a fresh signed assertion
 * each time, with {@code typ=JWT} and {@code kid} in the header and Spring's {@code jti},
 * {@code iss = sub = client id}, {@code aud = token URL} and one-minute expiry.
 */
@Component
class TokenEndpointClients {

	private final RestClient restClient;

	private final JWK key;

	TokenEndpointClients(EhrHttp http, ClientKeys keys) {
		this.key = keys.signingKey();
		this.restClient = RestClient.builder()
			.requestFactory(http.requestFactory())
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	RestClientAuthorizationCodeTokenResponseClient authorizationCode() {
		return configure(new RestClientAuthorizationCodeTokenResponseClient());
	}

	RestClientRefreshTokenTokenResponseClient refreshToken() {
		return configure(new RestClientRefreshTokenTokenResponseClient());
	}

	RestClientClientCredentialsTokenResponseClient clientCredentials() {
		return configure(new RestClientClientCredentialsTokenResponseClient());
	}

	private <T extends AbstractOAuth2AuthorizationGrantRequest, C extends AbstractRestClientOAuth2AccessTokenResponseClient<T>> C configure(
			C client) {
		client.setRestClient(this.restClient);
		NimbusJwtClientAuthenticationParametersConverter<T> assertions = new NimbusJwtClientAuthenticationParametersConverter<>(
				(registration) -> ClientAuthenticationMethod.PRIVATE_KEY_JWT
					.equals(registration.getClientAuthenticationMethod()) ? this.key : null);
		assertions.setJwtClientAssertionCustomizer(headers());
		client.addParametersConverter(assertions);
		return client;
	}

	private <T extends AbstractOAuth2AuthorizationGrantRequest> Consumer<JwtClientAuthenticationContext<T>> headers() {
		return (context) -> context.getHeaders().type("JWT").keyId(this.key.getKeyID());
	}

}
