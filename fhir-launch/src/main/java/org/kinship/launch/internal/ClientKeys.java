package org.kinship.launch.internal;

import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.kinship.launch.LaunchProperties;

import org.springframework.stereotype.Component;

/**
 * Kinship's key for {@code private_key_jwt} client authentication (RS384 or ES384). The
 * public half is published at {@code /.well-known/jwks.json}, where EHRs register it by
 * URL.
 */
@Component
class ClientKeys implements org.kinship.launch.ClientJwks {

	private final JWK key;

	ClientKeys(LaunchProperties properties) {
		String configured = properties.clientKey();
		this.key = (configured != null && !configured.isBlank()) ? parse(configured) : generate();
		if (this.key.getAlgorithm() == null || !(JWSAlgorithm.RS384.equals(this.key.getAlgorithm())
				|| JWSAlgorithm.ES384.equals(this.key.getAlgorithm()))) {
			throw new IllegalStateException("kinship.launch.client-key must be an RS384 or ES384 private JWK with alg");
		}
	}

	JWK signingKey() {
		return this.key;
	}

	@Override
	public Map<String, Object> publicKeys() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

	private static JWK parse(String json) {
		try {
			JWK parsed = JWK.parse(json);
			if (!parsed.isPrivate()) {
				throw new IllegalStateException("kinship.launch.client-key must hold the private key");
			}
			return parsed;
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
