package org.kinship.launch;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * The claims of an {@code id_token} from the fake EHR, each open to change so that a test
 * can break exactly one of them, and the key that signs it (RS256).
 *
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim
 * @param nonce the {@code nonce} claim
 * @param fhirUser the {@code fhirUser} claim
 * @param name the {@code name} claim, or {@code null} to leave it out
 * @param expires the {@code exp} claim; {@code iat} is five minutes earlier
 * @param signer the key that signs the token
 */
record SignedIdToken(String issuer, String audience, String nonce, String fhirUser, @Nullable String name,
		Instant expires, RSAKey signer) {

	SignedIdToken issuedBy(String issuer) {
		return new SignedIdToken(issuer, this.audience, this.nonce, this.fhirUser, this.name, this.expires,
				this.signer);
	}

	SignedIdToken forAudience(String audience) {
		return new SignedIdToken(this.issuer, audience, this.nonce, this.fhirUser, this.name, this.expires,
				this.signer);
	}

	SignedIdToken withNonce(String nonce) {
		return new SignedIdToken(this.issuer, this.audience, nonce, this.fhirUser, this.name, this.expires,
				this.signer);
	}

	SignedIdToken forUser(String fhirUser, @Nullable String name) {
		return new SignedIdToken(this.issuer, this.audience, this.nonce, fhirUser, name, this.expires, this.signer);
	}

	SignedIdToken expiringAt(Instant expires) {
		return new SignedIdToken(this.issuer, this.audience, this.nonce, this.fhirUser, this.name, expires,
				this.signer);
	}

	SignedIdToken signedBy(RSAKey signer) {
		return new SignedIdToken(this.issuer, this.audience, this.nonce, this.fhirUser, this.name, this.expires,
				signer);
	}

	String serialize() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject("user-1")
			.audience(this.audience)
			.issueTime(Date.from(this.expires.minusSeconds(300)))
			.expirationTime(Date.from(this.expires))
			.claim("nonce", this.nonce)
			.claim("fhirUser", this.fhirUser)
			.claim("name", this.name)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signer.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.signer));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
