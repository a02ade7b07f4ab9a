package org.kinship.realtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who shows as online and who is typing in each group: short-lived marks that expire by
 * themselves (sorted sets scored by expiry in Redis when nodes share it, this node's
 * memory otherwise). Only members who choose to be shown as online are ever listed.
 * Nothing here is stored for long or caught up, and a Redis failure only empties the
 * lists.
 */
@Component
class Presence {

	static final Duration ONLINE = Duration.ofSeconds(70);

	static final Duration TYPING = Duration.ofSeconds(6);

	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	private final Optional<StringRedisTemplate> redis;

	private final Clock clock;

	private final Map<String, Map<String, Long>> local = new ConcurrentHashMap<>();

	Presence(RealtimeProperties properties, ObjectProvider<StringRedisTemplate> redis) {
		this.redis = properties.redisFanout() ? Optional.ofNullable(redis.getIfAvailable()) : Optional.empty();
		this.clock = Clock.systemUTC();
	}

	void mark(String kind, long groupId, String name, Duration lifetime, boolean present) {
		String key = key(kind, groupId);
		long expiry = this.clock.millis() + lifetime.toMillis();
		if (this.redis.isPresent()) {
			try {
				if (present) {
					this.redis.get().opsForZSet().add(key, name, expiry);
					this.redis.get().expire(key, lifetime.multipliedBy(2));
				}
				else {
					this.redis.get().opsForZSet().remove(key, name);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Presence not recorded ({})", ex.getClass().getSimpleName());
			}
			return;
		}
		Map<String, Long> marks = this.local.computeIfAbsent(key, (ignored) -> new ConcurrentHashMap<>());
		if (present) {
			marks.put(name, expiry);
		}
		else {
			marks.remove(name);
		}
	}

	List<String> current(String kind, long groupId) {
		String key = key(kind, groupId);
		long now = this.clock.millis();
		if (this.redis.isPresent()) {
			try {
				this.redis.get().opsForZSet().removeRangeByScore(key, 0, now);
				var names = this.redis.get().opsForZSet().range(key, 0, 200);
				return (names != null) ? names.stream().sorted().toList() : List.of();
			}
			catch (RuntimeException ex) {
				return List.of();
			}
		}
		Map<String, Long> marks = this.local.getOrDefault(key, Map.of());
		marks.values().removeIf((expiry) -> expiry <= now);
		return marks.keySet().stream().sorted().toList();
	}

	private static String key(String kind, long groupId) {
		return "kinship:" + kind + ":" + groupId;
	}

}
