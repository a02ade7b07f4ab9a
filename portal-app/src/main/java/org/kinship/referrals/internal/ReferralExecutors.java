package org.kinship.referrals.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The referrals module's background thread, made once here and shut down with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
class ReferralExecutors {

	/** The bean name of the EHR writes' executor. */
	static final String EHR_WRITES = "referralEhrExecutor";

	/**
	 * One thread: referrals are few, and a referral is never written by two threads of a
	 * node side by side. At shutdown the thread is interrupted; a referral it had not
	 * finished stays an incomplete publication in the registry and is taken up again.
	 * @return the executor
	 */
	@Bean(EHR_WRITES)
	ThreadPoolTaskExecutor referralEhrExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("referral-ehr-");
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
