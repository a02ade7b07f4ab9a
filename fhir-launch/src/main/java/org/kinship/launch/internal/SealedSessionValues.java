package org.kinship.launch.internal;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <p>
 * Redis gives every value of a session on every request, and most of them (the security
 * context, the tokens, the record) change only at a launch or a refresh; the session's
 * times change at most once a minute ({@link CoarseLastAccess}). Opening and
 * deserializing them again was about 7 % of a node's processor time under load, so the
 * values this node opened are kept by their sealed bytes, up to a bound of sealed bytes
 * ({@code kinship.session.opened-values}, each value counted with {@link #ENTRY_BYTES}
 * more for what keeping it costs), the least recently used dropped first: the same bytes
 * always open to the same value, a value changed in Redis is other bytes and is opened
 * (and refused) as before, and a value set again is sealed with a new nonce, so it is
 * other bytes too. Requests of one session on this node then share the value's object, as
 * they do when sessions are kept in the node's memory. The small values (the times, the
 * CSRF token) are kept too: each opened afresh cost a cipher and a Java deserialization
 * stream, four or five times a request.
 */
final class SealedSessionValues implements RedisSerializer<Object> {

	/** What keeping an opened value costs beyond its sealed bytes: its entry and key. */
	static final int ENTRY_BYTES = 128;

	private final JdkSerializationRedisSerializer java = new JdkSerializationRedisSerializer();

	private final SessionCipher cipher;

	private final Opened opened;

	SealedSessionValues(SessionCipher cipher, long openedBytes) {
		this.cipher = cipher;
		this.opened = new Opened(openedBytes);
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
		// looked up by the bytes Redis gave, kept by a copy of them
		Object value = this.opened.get(ByteBuffer.wrap(bytes));
		if (value == null) {
			value = open(bytes);
			if (value != null) {
				this.opened.put(ByteBuffer.wrap(bytes.clone()), value);
			}
		}
		return value;
	}

	private @Nullable Object open(byte[] bytes) {
		try {
			return this.java.deserialize(this.cipher.open(bytes));
		}
		catch (SessionCipher.SealedValueRefused ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

	/** How many opened values are kept. */
	int keptValues() {
		return this.opened.size();
	}

	/**
	 * Opened values by their sealed bytes, least recently used first, bounded by the
	 * bytes of their keys.
	 */
	private static final class Opened {

		private final Map<ByteBuffer, Object> values = new LinkedHashMap<>(256, 0.75f, true);

		private final long limit;

		private long bytes;

		Opened(long limit) {
			this.limit = limit;
		}

		synchronized @Nullable Object get(ByteBuffer sealed) {
			return this.values.get(sealed);
		}

		synchronized void put(ByteBuffer sealed, Object value) {
			if (cost(sealed) > this.limit || this.values.putIfAbsent(sealed, value) != null) {
				return;
			}
			this.bytes += cost(sealed);
			Iterator<ByteBuffer> eldest = this.values.keySet().iterator();
			while (this.bytes > this.limit && eldest.hasNext()) {
				this.bytes -= cost(eldest.next());
				eldest.remove();
			}
		}

		private static long cost(ByteBuffer sealed) {
			return sealed.capacity() + ENTRY_BYTES;
		}

		synchronized int size() {
			return this.values.size();
		}

	}

}
