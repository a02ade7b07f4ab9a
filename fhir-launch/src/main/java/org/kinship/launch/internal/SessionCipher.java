package org.kinship.launch.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Seals and opens session values with AES-256-GCM. A sealed value names the key that
 * sealed it (the first 8 bytes of its SHA-256), so that during a rotation values sealed
 * with the previous key still open while new ones are sealed with the current key. A
 * value changed in Redis, or sealed with a key this node does not hold, is refused.
 */
final class SessionCipher {

	private static final byte VERSION = 1;

	private static final int KEY_ID_BYTES = 8;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey current;

	private final byte[] currentId;

	private final @Nullable SecretKey previous;

	private final byte @Nullable [] previousId;

	/**
	 * A cipher for the current key and, during a rotation, the previous one.
	 * @param current the key that seals, 32 bytes
	 * @param previous the key that only opens, 32 bytes, or {@code null}
	 */
	SessionCipher(byte[] current, byte @Nullable [] previous) {
		this.current = aes(current);
		this.currentId = keyId(current);
		this.previous = (previous != null) ? aes(previous) : null;
		this.previousId = (previous != null) ? keyId(previous) : null;
	}

	/**
	 * The cipher of the configured keys.
	 * @param properties the session store's settings
	 * @return the cipher
	 * @throws IllegalStateException when no key is set (and none may be made) or a key is
	 * not base64 of 32 bytes
	 */
	static SessionCipher of(SessionStoreProperties properties) {
		byte[] current;
		if (properties.key() != null && !properties.key().isBlank()) {
			current = decode(properties.key(), "kinship.session.key (KINSHIP_SESSION_KEY)");
		}
		else if (properties.generateKey()) {
			current = new byte[32];
			RANDOM.nextBytes(current);
		}
		else {
			throw new IllegalStateException("Sessions are kept in Redis (kinship.session.store=redis) but no "
					+ "KINSHIP_SESSION_KEY is set: give every node the same key, base64 of 32 random bytes "
					+ "(for example: openssl rand -base64 32)");
		}
		byte[] previous = (properties.previousKey() != null && !properties.previousKey().isBlank())
				? decode(properties.previousKey(), "kinship.session.previous-key (KINSHIP_SESSION_KEY_PREVIOUS)")
				: null;
		return new SessionCipher(current, previous);
	}

	/**
	 * Seals a value with the current key.
	 * @param plain the value's bytes
	 * @return version, key id, nonce, then the ciphertext with its tag
	 */
	byte[] seal(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.current, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.currentId);
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(1 + KEY_ID_BYTES + NONCE_BYTES + sealed.length)
				.put(VERSION)
				.put(this.currentId)
				.put(nonce)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Opens a sealed value with the key that sealed it.
	 * @param sealed what {@link #seal} returned
	 * @return the value's bytes
	 * @throws SealedValueRefused when the value was changed, is not a sealed value, or
	 * was sealed with a key this node does not hold
	 */
	byte[] open(byte[] sealed) {
		if (sealed.length < 1 + KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new SealedValueRefused("not a sealed session value");
		}
		byte[] id = Arrays.copyOfRange(sealed, 1, 1 + KEY_ID_BYTES);
		SecretKey key = keyOf(id);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key,
					new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID_BYTES, NONCE_BYTES));
			cipher.updateAAD(id);
			int start = 1 + KEY_ID_BYTES + NONCE_BYTES;
			return cipher.doFinal(sealed, start, sealed.length - start);
		}
		catch (GeneralSecurityException ex) {
			throw new SealedValueRefused("a session value failed its integrity check");
		}
	}

	private SecretKey keyOf(byte[] id) {
		if (MessageDigest.isEqual(id, this.currentId)) {
			return this.current;
		}
		if (this.previous != null && this.previousId != null && MessageDigest.isEqual(id, this.previousId)) {
			return this.previous;
		}
		throw new SealedValueRefused("a session value was sealed with a key this node does not hold");
	}

	private static SecretKey aes(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("A session key must be 32 bytes (AES-256), not " + key.length);
		}
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] keyId(byte[] key) {
		try {
			return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), KEY_ID_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] decode(String base64, String name) {
		try {
			byte[] key = Base64.getDecoder().decode(base64.strip());
			if (key.length != 32) {
				throw new IllegalStateException(name + " must be base64 of 32 bytes, not of " + key.length);
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not base64");
		}
	}

	/** A sealed value this node cannot or must not open. */
	static final class SealedValueRefused extends RuntimeException {

		SealedValueRefused(String message) {
			super(message);
		}

	}

}
