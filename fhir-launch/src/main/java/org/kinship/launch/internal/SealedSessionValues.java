package org.kinship.launch.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Every value of a session kept in Redis (the security context with the launch principal,
 * the EHR's access and refresh tokens, the care-plan panel's record, the session's
 * times), Java-serialized and then sealed by {@link SessionCipher}. Redis holds no token,
 * name or record in readable form, and a value that does not open under this node's keys
 * is never deserialized, so no one who can write to Redis can feed Kinship objects of
 * their own.
 */
final class SealedSessionValues implements RedisSerializer<Object> {

	private final JdkSerializationRedisSerializer java = new JdkSerializationRedisSerializer();

	private final SessionCipher cipher;

	SealedSessionValues(SessionCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public byte[] serialize(@Nullable Object value) {
		if (value == null) {
			return new byte[0];
		}
		return this.cipher.seal(this.java.serialize(value));
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			return this.java.deserialize(this.cipher.open(bytes));
		}
		catch (SessionCipher.SealedValueRefused ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

}
