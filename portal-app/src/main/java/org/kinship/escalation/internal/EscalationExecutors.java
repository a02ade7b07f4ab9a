package org.kinship.escalation.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The escalation module's background thread, made once here and shut down with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
class EscalationExecutors {

	/** The bean name of the care-team alerts' executor. */
	static final String CARE_TEAM_ALERTS = "careTeamAlertExecutor";

	/**
	 * One thread: escalations are few, and one alert is never written by two threads of a
	 * node side by side (a retry while a resubmission runs finds the row no longer
	 * pending). At shutdown the thread is interrupted; an alert it had not finished stays
	 * an incomplete publication in the registry and is taken up again.
	 * @return the executor
	 */
	@Bean(CARE_TEAM_ALERTS)
	ThreadPoolTaskExecutor careTeamAlertExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("care-team-alert-");
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
