package org.kinship.groups.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The groups module's threads for cohort look-ups, made once here and shut down with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
class GroupsExecutors {

	/** The bean name of the executor of cohort record reads. */
	static final String COHORT_READS = "cohortReadExecutor";

	/**
	 * {@code kinship.groups.preview-parallelism} threads reading members' records for a
	 * cohort preview or a record-defined audience; the rest of a look-up's reads wait in
	 * line.
	 * @param properties the module's settings
	 * @return the executor
	 */
	@Bean(COHORT_READS)
	ThreadPoolTaskExecutor cohortReadExecutor(GroupsProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.previewParallelism());
		executor.setMaxPoolSize(properties.previewParallelism());
		executor.setThreadNamePrefix("cohort-read-");
		return executor;
	}

}
