package org.kinship.launch.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSessionListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionEventHttpSessionListenerAdapter;

/**
 * Launch sessions kept in Redis instead of in one node's memory, when
 * {@code kinship.session.store=redis}: any node then serves any request and any socket of
 * a member, with no sticky sessions, and a node that dies takes no one's session with it.
 * Every value is sealed ({@link SealedSessionValues}); the session's cookie is still
 * written by the servlet container, so {@link FrameAwareCookies} still decides its
 * {@code SameSite}. A session that ends on any node (sign-out, timeout, relaunch) is
 * announced to every node through Redis's keyspace events and turned into the container's
 * session-end events, so each node closes the sockets it holds for it. A request that
 * changes nothing in its session writes nothing back unless the session's last access is
 * a minute old ({@link CoarseLastAccess}).
 * <p>
 * Sessions are not indexed by principal: no Redis key carries a person's name or FHIR
 * reference.
 * <p>
 * Expired sessions are swept each minute on the application's scheduler rather than on
 * the scheduler Redis's repository keeps of its own: that one ran until the repository
 * was destroyed, after the Redis connection had stopped, so a sweep falling due while a
 * node shut down failed on a closed connection. The application's scheduler stops taking
 * tasks when the context starts to close, and lets a running sweep finish first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kinship.session.store", havingValue = "redis")
@EnableRedisIndexedHttpSession(redisNamespace = SharedSessions.NAMESPACE, cleanupCron = Scheduled.CRON_DISABLED)
@EnableScheduling
class SharedSessions {

	/** The prefix of every session key in Redis. */
	static final String NAMESPACE = "kinship:session";

	/**
	 * How far a session's last access moves at least: an idle timeout ends this much
	 * early at most.
	 */
	static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer(SessionStoreProperties properties) {
		return new SealedSessionValues(SessionCipher.of(properties), properties.openedValues().toBytes());
	}

	@Bean
	CookieSerializer sessionCookies(Environment environment) {
		return new ContainerSessionCookies(
				Binder.get(environment).bind("server.servlet.session.cookie.name", String.class).orElse("SESSION"));
	}

	@Bean
	IndexResolver<Session> noSessionIndexes() {
		return (session) -> Map.of();
	}

	@Bean
	SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionIdleTimeout(Environment environment) {
		Duration idle = Binder.get(environment)
			.bind("server.servlet.session.timeout", Duration.class)
			.orElse(Duration.ofMinutes(30));
		return (repository) -> repository.setDefaultMaxInactiveInterval(idle);
	}

	/**
	 * The repository the session filter uses: Redis's, writing a session back only when a
	 * request changed it or its last access is a minute old. Typed in full: a wildcard
	 * type lost to Redis's own repository when the filter was given one.
	 */
	@Bean
	@Primary
	CoarseLastAccess<RedisIndexedSessionRepository.RedisSession> coarseLastAccess(
			RedisIndexedSessionRepository sessions) {
		return new CoarseLastAccess<>(sessions, LAST_ACCESS_GRANULARITY);
	}

	@Bean
	SchedulingConfigurer expiredSessionSweep(ObjectProvider<RedisIndexedSessionRepository> sessions) {
		return (tasks) -> tasks.addCronTask(() -> sessions.getObject().cleanUpExpiredSessions(),
				RedisIndexedSessionRepository.DEFAULT_CLEANUP_CRON);
	}

	@Bean
	SessionEventHttpSessionListenerAdapter sessionEndsAsContainerEvents(ObjectProvider<HttpSessionListener> listeners) {
		return new SessionEventHttpSessionListenerAdapter(List.copyOf(listeners.orderedStream().toList()));
	}

}
