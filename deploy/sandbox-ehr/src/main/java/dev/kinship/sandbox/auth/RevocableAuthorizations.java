package dev.kinship.sandbox.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The sandbox's grants, which a person can revoke from the portal as in a real patient
 * portal's "connected apps" page: their refresh tokens stop working at once, and access
 * tokens run out at their expiry.
 *
 * <p>
 * Spring's in-memory service keeps codes not yet exchanged in a plain linked map of a
 * hundred entries, walked on every look-up: launches arriving together then fail with a
 * ConcurrentModificationException, or lose their code to eviction before exchanging it.
 * Here every grant is indexed by each of its tokens in concurrent maps, and grants whose
 * tokens have all expired are dropped as new ones arrive.
 */
public class RevocableAuthorizations implements OAuth2AuthorizationService {

	private static final int PRUNE_EVERY = 1_000;

	private final Map<String, OAuth2Authorization> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idsByToken = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> idsByPerson = new ConcurrentHashMap<>();

	@Override
	public void save(OAuth2Authorization authorization) {
		OAuth2Authorization earlier = this.byId.put(authorization.getId(), authorization);
		if (earlier != null) {
			keys(earlier).forEach((key) -> this.idsByToken.remove(key, earlier.getId()));
		}
		keys(authorization).forEach((key) -> this.idsByToken.put(key, authorization.getId()));
		this.idsByPerson.computeIfAbsent(authorization.getPrincipalName(), (name) -> ConcurrentHashMap.newKeySet())
			.add(authorization.getId());
		if (this.byId.size() % PRUNE_EVERY == 0) {
			pruneExpired();
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		OAuth2Authorization stored = this.byId.remove(authorization.getId());
		if (stored != null) {
			keys(stored).forEach((key) -> this.idsByToken.remove(key, stored.getId()));
		}
		Set<String> ids = this.idsByPerson.get(authorization.getPrincipalName());
		if (ids != null) {
			ids.remove(authorization.getId());
		}
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.byId.get(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		List<String> types = (tokenType != null) ? List.of(tokenType.getValue())
				: List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
						OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2TokenType.REFRESH_TOKEN.getValue(),
						OidcParameterNames.ID_TOKEN);
		for (String type : types) {
			String id = this.idsByToken.get(type + " " + token);
			if (id != null) {
				return this.byId.get(id);
			}
		}
		return null;
	}

	/**
	 * Revokes every grant a person has given.
	 * @param personaId the person
	 * @return how many grants were revoked
	 */
	public int revokeAll(String personaId) {
		Set<String> ids = this.idsByPerson.remove(personaId);
		if (ids == null) {
			return 0;
		}
		ids.forEach((id) -> {
			OAuth2Authorization authorization = this.byId.get(id);
			if (authorization != null) {
				remove(authorization);
			}
		});
		return ids.size();
	}

	private static List<String> keys(OAuth2Authorization authorization) {
		List<String> keys = new ArrayList<>();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			keys.add(OAuth2ParameterNames.STATE + " " + state);
		}
		key(keys, OAuth2ParameterNames.CODE, authorization.getToken(OAuth2AuthorizationCode.class));
		key(keys, OAuth2TokenType.ACCESS_TOKEN.getValue(), authorization.getToken(OAuth2AccessToken.class));
		key(keys, OAuth2TokenType.REFRESH_TOKEN.getValue(), authorization.getToken(OAuth2RefreshToken.class));
		key(keys, OidcParameterNames.ID_TOKEN, authorization.getToken(OidcIdToken.class));
		return keys;
	}

	private static void key(List<String> keys, String type,
			OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
		if (token != null) {
			keys.add(type + " " + token.getToken().getTokenValue());
		}
	}

	private void pruneExpired() {
		Instant now = Instant.now();
		this.byId.values()
			.stream()
			.filter((authorization) -> allExpired(authorization, now))
			.toList()
			.forEach(this::remove);
	}

	private static boolean allExpired(OAuth2Authorization authorization, Instant now) {
		return java.util.stream.Stream
			.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getToken(OAuth2AccessToken.class),
					authorization.getToken(OAuth2RefreshToken.class))
			.filter(java.util.Objects::nonNull)
			.allMatch((token) -> token.getToken().getExpiresAt() != null
					&& token.getToken().getExpiresAt().isBefore(now));
	}

}
