package org.kinship.launch.internal;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * A refresh the EHR asked for by answering 401 to a token Kinship still thought valid:
 * the token is treated as expired, renewed and saved in the session.
 */
@Component
public class ForcedRefresh {

	private final RefreshTokenOAuth2AuthorizedClientProvider provider = new RefreshTokenOAuth2AuthorizedClientProvider();

	private final OAuth2AuthorizedClientRepository repository;

	ForcedRefresh(TokenEndpointClients tokenClients, OAuth2AuthorizedClientRepository repository) {
		this.provider.setAccessTokenResponseClient(tokenClients.refreshToken());
		// the EHR has just refused the token, so every token counts as expired
		this.provider.setClockSkew(Duration.ofDays(3650));
		this.repository = repository;
	}

	/**
	 * Renews the access token now and saves it in the session.
	 * @param client the authorized client whose token the EHR refused
	 * @param principal the user
	 * @param request the request
	 * @param response the response
	 * @return the renewed client, or {@code null} when the EHR refused the refresh
	 */
	public @Nullable OAuth2AuthorizedClient refresh(OAuth2AuthorizedClient client, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		if (client.getRefreshToken() == null) {
			return null;
		}
		try {
			OAuth2AuthorizedClient renewed = this.provider
				.authorize(OAuth2AuthorizationContext.withAuthorizedClient(client).principal(principal).build());
			if (renewed != null) {
				this.repository.saveAuthorizedClient(renewed, principal, request, response);
			}
			return renewed;
		}
		catch (ClientAuthorizationException ex) {
			return null;
		}
	}

}
