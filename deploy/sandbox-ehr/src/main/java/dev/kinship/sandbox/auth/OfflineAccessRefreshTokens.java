package dev.kinship.sandbox.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens only for apps that asked for {@code offline_access} or
 * {@code online_access}, as SMART says.
 */
class OfflineAccessRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final OAuth2RefreshTokenGenerator delegate = new OAuth2RefreshTokenGenerator();

	@Override
	public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
			return null;
		}
		boolean asked = context.getAuthorizedScopes().contains(SmartScopes.OFFLINE_ACCESS)
				|| context.getAuthorizedScopes().contains(SmartScopes.ONLINE_ACCESS);
		return asked ? this.delegate.generate(context) : null;
	}

}
