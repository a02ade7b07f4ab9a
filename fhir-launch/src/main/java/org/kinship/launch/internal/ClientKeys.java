package org.kinship.launch.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.kinship.launch.LaunchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Kinship's key for {@code private_key_jwt} client authentication (RS384 or ES384). The
 * public half is published at {@code /.well-known/jwks.json}, where EHRs register it by
 * URL. Outside development the key must be configured: a key made at start would change
 * at every restart and differ between nodes, and EHRs would refuse Kinship. During a
 * rotation the previous key is published beside it, so that EHRs that cached the old set
 * keep accepting assertions until they read the new one; only the current key signs.
 */
@Component
class ClientKeys implements org.kinship.launch.ClientJwks {

	private static final Logger log = LoggerFactory.getLogger(ClientKeys.class);

	static final String MISSING = "KINSHIP_CLIENT_KEY (kinship.launch.client-key) is not set. Kinship needs its "
			+ "private key for private_key_jwt, a JWK in JSON (RS384, or ES384 on P-384, with kid and alg), the same "
			+ "on every node. Only the demo profile (kinship.launch.generate-client-key=true) makes one at start.";

	private final JWK key;

	private final List<JWK> published;

	ClientKeys(LaunchProperties properties) {
		this.key = current(properties);
		this.published = new ArrayList<>(List.of(this.key.toPublicJWK()));
		for (JWK previous : previous(properties.previousClientKey())) {
			if (this.key.getKeyID() == null || previous.getKeyID() == null
					|| Objects.equals(this.key.getKeyID(), previous.getKeyID())) {
				throw new IllegalStateException("During a key rotation the current and the previous client key "
						+ "(KINSHIP_CLIENT_KEY, KINSHIP_CLIENT_KEY_PREVIOUS) need a kid each, and different ones");
			}
			this.published.add(previous.toPublicJWK());
		}
	}

	JWK signingKey() {
		return this.key;
	}

	@Override
	public Map<String, Object> publicKeys() {
		return new JWKSet(this.published).toJSONObject();
	}

	private static JWK current(LaunchProperties properties) {
		String configured = properties.clientKey();
		JWK key;
		if (configured != null && !configured.isBlank()) {
			key = parse(configured);
		}
		else if (properties.generateClientKey()) {
			log.warn("No KINSHIP_CLIENT_KEY: a client key was generated for this run only (development and demo)");
			key = generate();
		}
		else {
			throw new IllegalStateException(MISSING);
		}
		if (!key.isPrivate()) {
			throw new IllegalStateException("kinship.launch.client-key must hold the private key");
		}
		if (key.getAlgorithm() == null
				|| !(JWSAlgorithm.RS384.equals(key.getAlgorithm()) || JWSAlgorithm.ES384.equals(key.getAlgorithm()))) {
			throw new IllegalStateException("kinship.launch.client-key must be an RS384 or ES384 private JWK with alg");
		}
		return key;
	}

	/** A JWK or a JWK Set; only the public halves are ever used. */
	private static List<JWK> previous(@Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			return List.of();
		}
		try {
			return configured.contains("\"keys\"") ? JWKSet.parse(configured).getKeys()
					: List.of(JWK.parse(configured));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(
					"kinship.launch.previous-client-key is not a JWK or a JWK Set: " + ex.getMessage(), ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("kinship.launch.client-key is not a JWK: " + ex.getMessage(), ex);
		}
	}

	private static JWK generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS384)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
