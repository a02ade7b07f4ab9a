package dev.kinship.sandbox.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The sandbox's grants, which a person can revoke from the portal as in a real patient
 * portal's "connected apps" page: their refresh tokens stop working at once, and access
 * tokens run out at their expiry.
 */
public class RevocableAuthorizations implements OAuth2AuthorizationService {

	private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

	private final Map<String, Set<String>> idsByPerson = new ConcurrentHashMap<>();

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.save(authorization);
		this.idsByPerson.computeIfAbsent(authorization.getPrincipalName(), (name) -> ConcurrentHashMap.newKeySet())
			.add(authorization.getId());
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
		this.idsByPerson.getOrDefault(authorization.getPrincipalName(), Set.of()).remove(authorization.getId());
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
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
			OAuth2Authorization authorization = this.delegate.findById(id);
			if (authorization != null) {
				this.delegate.remove(authorization);
			}
		});
		return ids.size();
	}

}
