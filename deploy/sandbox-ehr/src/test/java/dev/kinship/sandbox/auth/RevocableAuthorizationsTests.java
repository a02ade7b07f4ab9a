package dev.kinship.sandbox.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's grants under launches that arrive at once, as in the launch benchmark.
 */
class RevocableAuthorizationsTests {

	private final RegisteredClient client = RegisteredClient.withId("kinship")
		.clientId("kinship-portal")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://localhost:8080/callback")
		.build();

	// Without the lock the in-memory service's walk over pending codes fails with a
	// ConcurrentModificationException within a few hundred launches at once.
	@Test
	void findsEveryCodeWhileOtherLaunchesSaveTheirs() throws Exception {
		RevocableAuthorizations authorizations = new RevocableAuthorizations();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> launches = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			launches.add(pool.submit(() -> {
				start.await();
				int found = 0;
				for (int i = 0; i < 300; i++) {
					OAuth2Authorization saved = withCode("code-" + UUID.randomUUID());
					authorizations.save(saved);
					String code = saved.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue();
					OAuth2Authorization pending = authorizations.findByToken(code,
							new OAuth2TokenType(OAuth2ParameterNames.CODE));
					if (pending != null) {
						found++;
						authorizations.save(exchanged(pending));
					}
				}
				return found;
			}));
		}
		start.countDown();
		int found = 0;
		for (Future<Integer> launch : launches) {
			found += launch.get();
		}
		pool.shutdown();

		assertThat(found).isEqualTo(8 * 300);
	}

	@Test
	void revokingAPersonForgetsEveryGrantTheyGave() {
		RevocableAuthorizations authorizations = new RevocableAuthorizations();
		OAuth2Authorization first = withCode("first");
		OAuth2Authorization second = withCode("second");
		authorizations.save(first);
		authorizations.save(second);

		assertThat(authorizations.revokeAll("maria-santos")).isEqualTo(2);
		assertThat(authorizations.findById(first.getId())).isNull();
		assertThat(authorizations.findById(second.getId())).isNull();
	}

	// the code exchanged for an access token, as the token endpoint does
	private OAuth2Authorization exchanged(OAuth2Authorization pending) {
		Instant now = Instant.now();
		return OAuth2Authorization.from(pending)
			.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + UUID.randomUUID(), now,
					now.plusSeconds(300)))
			.build();
	}

	private OAuth2Authorization withCode(String code) {
		Instant now = Instant.now();
		return OAuth2Authorization.withRegisteredClient(this.client)
			.id(UUID.randomUUID().toString())
			.principalName("maria-santos")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AuthorizationCode(code, now, now.plusSeconds(300)))
			.build();
	}

}
