package org.kinship.launch.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SealedSessionValuesTests {

	private static final String ACCESS_TOKEN = "access-token-for-maria-5f2e9c";

	private static final String REFRESH_TOKEN = "refresh-token-for-maria-8a41d0";

	private static final DataSize OPENED = DataSize.ofMegabytes(64);

	private final String key = newKey();

	private final String otherKey = newKey();

	@Test
	void opensTheLaunchPrincipalAndTokensItSealed() {
		SealedSessionValues values = values(this.key, null);
		SecurityContextImpl context = securityContext();
		OAuth2AuthorizedClient client = authorizedClient();

		Object openedContext = values.deserialize(values.serialize(context));
		Object openedClients = values.deserialize(values.serialize(Map.of("sandbox", client)));

		assertThat(openedContext).isInstanceOf(SecurityContextImpl.class);
		OAuth2AuthenticationToken authentication = (OAuth2AuthenticationToken) ((SecurityContextImpl) openedContext)
			.getAuthentication();
		assertThat(((KinshipOidcUser) authentication.getPrincipal()).principal()).isEqualTo(principal());
		OAuth2AuthorizedClient opened = (OAuth2AuthorizedClient) ((Map<?, ?>) openedClients).get("sandbox");
		assertThat(opened.getAccessToken().getTokenValue()).isEqualTo(ACCESS_TOKEN);
		assertThat(opened.getRefreshToken().getTokenValue()).isEqualTo(REFRESH_TOKEN);
	}

	@Test
	void keepsNoTokenOrNameReadableInWhatRedisStores() {
		SealedSessionValues values = values(this.key, null);

		String stored = new String(values.serialize(securityContext()), StandardCharsets.ISO_8859_1)
				+ new String(values.serialize(Map.of("sandbox", authorizedClient())), StandardCharsets.ISO_8859_1);

		assertThat(stored).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, "Maria", "Patient/maria", "KinshipPrincipal");
	}

	@Test
	void refusesAValueSealedWithAnotherKey() {
		byte[] sealed = values(this.otherKey, null).serialize(authorizedClient());

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> values(this.key, null).deserialize(sealed));
	}

	@Test
	void refusesAValueChangedInRedis() {
		SealedSessionValues values = values(this.key, null);
		byte[] sealed = values.serialize(authorizedClient());
		sealed[sealed.length - 20] ^= 1;

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> values.deserialize(sealed));
	}

	@Test
	void opensTheSameSealedBytesOnceAndStillRefusesThemChanged() {
		SealedSessionValues values = values(this.key, null);
		byte[] sealed = values.serialize(securityContext());

		Object first = values.deserialize(sealed);
		Object again = values.deserialize(sealed.clone());
		byte[] changed = sealed.clone();
		changed[changed.length - 20] ^= 1;

		assertThat(again).as("the next request of the session on this node").isSameAs(first);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> values.deserialize(changed));
		assertThat(values.deserialize(values.serialize(securityContext()))).as("a value set again is opened again")
			.isNotSameAs(first);
	}

	@Test
	void opensTheSessionsTimesOnceUntilTheyChange() {
		SealedSessionValues values = values(this.key, null);
		byte[] lastAccess = values.serialize(1_733_400_000_000L);

		Object first = values.deserialize(lastAccess);

		assertThat(values.deserialize(lastAccess.clone())).as("the next request within the minute").isSameAs(first);
		assertThat(values.deserialize(values.serialize(1_733_400_060_000L))).isEqualTo(1_733_400_060_000L);
		byte[] changed = lastAccess.clone();
		changed[changed.length - 1] ^= 1;
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> values.deserialize(changed));
	}

	@Test
	void keepsOpenedValuesWithinItsBoundDroppingTheLeastRecentlyUsed() {
		SessionStoreProperties properties = new SessionStoreProperties(SessionStoreProperties.Store.REDIS, this.key,
				null, false, OPENED);
		byte[] probe = values(this.key, null).serialize(authorizedClient());
		SealedSessionValues values = new SealedSessionValues(SessionCipher.of(properties),
				(probe.length + SealedSessionValues.ENTRY_BYTES) * 3L);
		byte[] kept = values.serialize(authorizedClient());
		Object keptValue = values.deserialize(kept);

		for (int i = 0; i < 10; i++) {
			values.deserialize(values.serialize(authorizedClient()));
			assertThat(values.deserialize(kept)).as("used on every request, so never the least recent")
				.isSameAs(keptValue);
		}

		assertThat(values.keptValues()).isEqualTo(3);
	}

	@Test
	void stillOpensWhatThePreviousKeySealedDuringARotation() {
		byte[] sealedBefore = values(this.otherKey, null).serialize(authorizedClient());
		SealedSessionValues rotated = values(this.key, this.otherKey);

		Object opened = rotated.deserialize(sealedBefore);
		byte[] sealedAfter = rotated.serialize(authorizedClient());

		assertThat(((OAuth2AuthorizedClient) opened).getAccessToken().getTokenValue()).isEqualTo(ACCESS_TOKEN);
		assertThatExceptionOfType(SerializationException.class).as("new values are sealed with the current key only")
			.isThrownBy(() -> values(this.otherKey, null).deserialize(sealedAfter));
	}

	@Test
	void refusesToStartWithRedisSessionsAndNoKeyOutsideTheDemo() {
		SessionStoreProperties noKey = new SessionStoreProperties(SessionStoreProperties.Store.REDIS, null, null, false,
				OPENED);
		SessionStoreProperties shortKey = new SessionStoreProperties(SessionStoreProperties.Store.REDIS,
				Base64.getEncoder().encodeToString(new byte[16]), null, false, OPENED);

		assertThatIllegalStateException().isThrownBy(() -> SessionCipher.of(noKey))
			.withMessageContaining("KINSHIP_SESSION_KEY");
		assertThatIllegalStateException().isThrownBy(() -> SessionCipher.of(shortKey))
			.withMessageContaining("32 bytes");
	}

	@Test
	void makesAKeyOfItsOwnInTheDemo() {
		SessionStoreProperties demo = new SessionStoreProperties(SessionStoreProperties.Store.REDIS, null, null, true,
				OPENED);
		SealedSessionValues values = new SealedSessionValues(SessionCipher.of(demo), OPENED.toBytes());

		assertThat(values.deserialize(values.serialize("a value"))).isEqualTo("a value");
	}

	private static SealedSessionValues values(String key, String previous) {
		return new SealedSessionValues(
				SessionCipher
					.of(new SessionStoreProperties(SessionStoreProperties.Store.REDIS, key, previous, false, OPENED)),
				OPENED.toBytes());
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static KinshipPrincipal principal() {
		return new KinshipPrincipal("sandbox", "http://localhost:9090/fhir", "Patient/maria", "Maria Santos",
				KinshipRole.PATIENT, Set.of(), "maria", null, true, "Maria Santos", null, null, List.of(),
				Set.of("patient/Condition.rs"), Map.of());
	}

	private static SecurityContextImpl securityContext() {
		Instant now = Instant.now();
		OidcIdToken idToken = new OidcIdToken("id-token-value", now, now.plusSeconds(300),
				Map.of("sub", "Patient/maria", "iss", "http://localhost:9090"));
		KinshipOidcUser user = new KinshipOidcUser(idToken, principal());
		return new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "sandbox"));
	}

	private static OAuth2AuthorizedClient authorizedClient() {
		Instant now = Instant.now();
		ClientRegistration registration = ClientRegistration.withRegistrationId("sandbox")
			.clientId("kinship-portal")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("http://localhost:9090/authorize")
			.tokenUri("http://localhost:9090/token")
			.build();
		return new OAuth2AuthorizedClient(registration, "sandbox|Patient/maria",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, now, now.plusSeconds(300)),
				new OAuth2RefreshToken(REFRESH_TOKEN, now));
	}

}
