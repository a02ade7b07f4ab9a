package org.kinship.launch.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kinship.launch.LaunchProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Kinship's client key: required outside development, generated only where allowed, and
 * published together with the previous key during a rotation.
 */
class ClientKeysTests {

	@Test
	void refusesToStartWithoutAKeyOutsideDevelopment() {
		assertThatIllegalStateException().isThrownBy(() -> new ClientKeys(properties(null, null, false)))
			.withMessageContaining("KINSHIP_CLIENT_KEY")
			.withMessageContaining("demo profile");
	}

	@Test
	void generatesAKeyOnlyWhereDevelopmentAllowsIt() {
		ClientKeys keys = new ClientKeys(properties(null, null, true));
		assertThat(keys.signingKey().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
		assertThat(keys.signingKey().isPrivate()).isTrue();
	}

	@Test
	void signsWithTheConfiguredKeyAndPublishesOnlyItsPublicHalf() throws Exception {
		ECKey current = key("2025-06");
		ClientKeys keys = new ClientKeys(properties(current.toJSONString(), null, false));
		assertThat(keys.signingKey()).isEqualTo(current);
		JWKSet published = JWKSet.parse(keys.publicKeys());
		assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("2025-06");
		assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
	}

	@Test
	void publishesThePreviousKeyBesideTheCurrentOneDuringARotation() throws Exception {
		ECKey current = key("2025-06");
		ECKey previous = key("2024-12");
		ClientKeys keys = new ClientKeys(properties(current.toJSONString(), previous.toJSONString(), false));
		assertThat(keys.signingKey()).isEqualTo(current);
		JWKSet published = JWKSet.parse(keys.publicKeys());
		assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("2025-06", "2024-12");
		assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
		assertThat(published.getKeyByKeyId("2024-12")).isEqualTo(previous.toPublicJWK());
	}

	@Test
	void takesThePreviousKeysAsAJwkSet() throws Exception {
		ECKey current = key("2025-06");
		String previous = new JWKSet(List.of(key("2024-12").toPublicJWK(), key("2024-06").toPublicJWK())).toString();
		ClientKeys keys = new ClientKeys(properties(current.toJSONString(), previous, false));
		assertThat(JWKSet.parse(keys.publicKeys()).getKeys()).extracting(JWK::getKeyID)
			.containsExactly("2025-06", "2024-12", "2024-06");
	}

	@Test
	void refusesARotationWhoseKeysShareAKeyId() {
		ECKey current = key("same");
		ECKey previous = key("same");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ClientKeys(properties(current.toJSONString(), previous.toJSONString(), false)))
			.withMessageContaining("different");
	}

	@Test
	void refusesAPublicKeyAsTheSigningKey() {
		String publicOnly = key("2025-06").toPublicJWK().toJSONString();
		assertThatIllegalStateException().isThrownBy(() -> new ClientKeys(properties(publicOnly, null, false)))
			.withMessageContaining("private");
	}

	private static LaunchProperties properties(@Nullable String clientKey, @Nullable String previous,
			boolean generate) {
		return new LaunchProperties(Map.of(), Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofHours(12), clientKey, previous, generate, List.of(), Duration.ofHours(1), null);
	}

	private static ECKey key(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_384).keyID(kid)
				.algorithm(JWSAlgorithm.ES384)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
