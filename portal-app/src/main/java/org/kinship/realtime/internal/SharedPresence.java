package org.kinship.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.realtime.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Marks as sorted sets scored by expiry in Redis when nodes share it, this node's memory
 * otherwise; who has a page open from the broker's registry of users.
 */
@Component
class SharedPresence implements Presence {

	private static final Logger log = LoggerFactory.getLogger(SharedPresence.class);

	private final Optional<StringRedisTemplate> redis;

	private final SimpUserRegistry users;

	private final Clock clock;

	private final Map<String, Map<String, Long>> local = new ConcurrentHashMap<>();

	SharedPresence(RealtimeProperties properties, ObjectProvider<StringRedisTemplate> redis, SimpUserRegistry users) {
		this.redis = properties.redisFanout() ? Optional.ofNullable(redis.getIfAvailable()) : Optional.empty();
		this.users = users;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void mark(String kind, long scope, String name, Duration lifetime, boolean present) {
		String key = key(kind, scope);
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

	@Override
	public List<String> current(String kind, long scope) {
		String key = key(kind, scope);
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

	@Override
	public List<String> usersOnlineHere(String namePrefix) {
		List<String> online = new ArrayList<>();
		for (SimpUser user : this.users.getUsers()) {
			if (user.getName().startsWith(namePrefix) && user.hasSessions()) {
				online.add(user.getName().substring(namePrefix.length()));
			}
		}
		return online;
	}

	private static String key(String kind, long scope) {
		return "kinship:" + kind + ":" + scope;
	}

}
