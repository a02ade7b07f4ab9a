package org.kinship.launch;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With sessions in Redis, the session filter reads and writes them through the repository
 * that moves a session's last access once a minute, not through Redis's own, which writes
 * a session back after every request. A repository bean of a looser type once lost to
 * Redis's own without a word. Expired sessions are swept on the application's scheduler.
 */
@SpringBootTest(properties = { "kinship.session.store=redis",
		"kinship.session.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
class SharedSessionFilterIntegrationTests extends OnMariaDb {

	@Autowired
	SessionRepositoryFilter<?> filter;

	@Autowired
	RedisIndexedSessionRepository sessions;

	@Autowired
	List<ScheduledTaskHolder> schedules;

	@Test
	void expiredSessionsAreSweptOnTheApplicationsSchedulerThatStopsBeforeRedis() {
		// the repository's own scheduler outlived the Redis connection at shutdown
		assertThat(ReflectionTestUtils.getField(this.sessions, "taskScheduler")).isNull();
		assertThat(this.schedules.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.map(ScheduledTask::getTask)
			.filteredOn(CronTask.class::isInstance)
			.map((task) -> ((CronTask) task).getExpression())
			.contains(RedisIndexedSessionRepository.DEFAULT_CLEANUP_CRON);
	}

	@Test
	void theFilterUsesTheRepositoryThatMovesLastAccessOnceAMinute() {
		assertThat(ReflectionTestUtils.getField(this.filter, "sessionRepository")).extracting(Object::getClass)
			.extracting(Class::getSimpleName)
			.isEqualTo("CoarseLastAccess");
	}

}
