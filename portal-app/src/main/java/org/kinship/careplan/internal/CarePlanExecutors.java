package org.kinship.careplan.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The care-plan module's threads for record reads, made once here and shut down with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
class CarePlanExecutors {

	/** The bean name of the executor of record reads. */
	static final String READS = "carePlanReadExecutor";

	/**
	 * {@code kinship.careplan.parallelism} threads for the searches of every member's
	 * panels, with a short queue: a wave that cannot be queued fails at once and the
	 * panel says the part is unavailable, rather than waiting behind everyone else.
	 * @param properties the module's settings
	 * @return the executor
	 */
	@Bean(READS)
	ThreadPoolTaskExecutor carePlanReadExecutor(CarePlanProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.parallelism());
		executor.setMaxPoolSize(properties.parallelism());
		executor.setQueueCapacity(properties.parallelism() * 8);
		executor.setKeepAliveSeconds(60);
		executor.setThreadNamePrefix("careplan-read-");
		// threads ready before the first panel, so that its searches leave at once
		executor.setPrestartAllCoreThreads(true);
		return executor;
	}

}
