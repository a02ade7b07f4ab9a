package org.kinship.broadcast.internal;

import org.kinship.shared.BatchWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The broadcast module's background threads, made once here and shut down with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
class BroadcastExecutors {

	/** The bean name of the EHR write-back's executor. */
	static final String WRITE_BACK = "broadcastWriteBackExecutor";

	/** The bean name of the acknowledgement writer's executor. */
	static final String ACKNOWLEDGEMENTS = "acknowledgementExecutor";

	/**
	 * One thread, so that two write-backs of one broadcast (a retry while the first is
	 * still running, or a publication resubmitted) never write the same Communication
	 * side by side: the second finds the first's rows done. At shutdown the thread is
	 * interrupted; what it had not finished stays an incomplete publication in the
	 * registry and is taken up again.
	 * @return the executor
	 */
	@Bean(WRITE_BACK)
	ThreadPoolTaskExecutor broadcastWriteBackExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("broadcast-write-back-");
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	/**
	 * One thread for the acknowledgement writer's loop (its batches are written by one
	 * writer). Shutdown waits for the loop, which ends once every press taken is written.
	 * @return the executor
	 */
	@Bean(ACKNOWLEDGEMENTS)
	ThreadPoolTaskExecutor acknowledgementExecutor() {
		return BatchWriter.executor("kinship-acknowledgements-", AcknowledgementWriter.PHASE);
	}

}
