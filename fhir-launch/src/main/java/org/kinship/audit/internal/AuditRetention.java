package org.kinship.audit.internal;

import java.sql.Timestamp;
import java.time.Period;
import java.util.List;
import java.util.OptionalLong;

import org.kinship.audit.Retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes audit entries older than {@code kinship.retention.audit} (six years by
 * default), on {@code kinship.retention.cron}. The audit log is otherwise append-only;
 * the run itself is recorded in it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditRetention implements SchedulingConfigurer {

	/** The job's name. */
	public static final String JOB = "audit";

	private final Retention retention;

	private final JdbcClient jdbc;

	AuditRetention(Retention retention, JdbcClient jdbc) {
		this.retention = retention;
		this.jdbc = jdbc;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		if (this.retention.settings().scheduled()) {
			tasks.addCronTask(this::run, this.retention.settings().cron());
		}
	}

	/**
	 * Runs the job now.
	 * @return the entries deleted, or empty when it is off or running on another node
	 */
	public OptionalLong run() {
		Period period = this.retention.settings().audit();
		if (period == null) {
			return OptionalLong.empty();
		}
		Timestamp cutoff = Timestamp.from(this.retention.cutoff(period));
		return this.retention.run(JOB, "audit_event", "DELETED", (limit) -> deleteBefore(cutoff, limit));
	}

	private int deleteBefore(Timestamp cutoff, int limit) {
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM audit_event WHERE occurred_at < ? ORDER BY occurred_at LIMIT " + limit)
			.param(cutoff)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM audit_event WHERE id IN (:ids)").param("ids", ids).update();
	}

}
