package org.kinship.launch.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where launch sessions live, and the keys that seal them there.
 *
 * @param store {@code memory} (this node's own, the default) or {@code redis} (shared by
 * every node, so that any node serves any request and any socket)
 * @param key the AES-256 key, base64 of 32 bytes, that seals every session value written
 * to Redis; the same on every node
 * @param previousKey during a rotation, the key sessions were sealed with before: still
 * opened, never used to seal
 * @param generateKey make a key at each start when {@code key} is empty: one node in
 * development or the demo only, since another node could not open its sessions
 * @param openedValues how many sealed bytes of session values this node keeps opened
 * ({@link SealedSessionValues}): about 30 KB a session, so the default keeps those of
 * about 2,000 sessions; past it the least recently used are opened again when next read
 */
@ConfigurationProperties("kinship.session")
record SessionStoreProperties(@DefaultValue("memory") Store store, @Nullable String key, @Nullable String previousKey,
		boolean generateKey, @DefaultValue("64MB") DataSize openedValues) {

	/** Where sessions are kept. */
	enum Store {

		/** In this node's memory: lost when it stops. */
		MEMORY,

		/** In Redis, sealed: shared by every node. */
		REDIS

	}

}
