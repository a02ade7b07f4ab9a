package org.kinship.referrals.internal;

import org.kinship.shared.Resubmissions;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Tries again, every {@code kinship.referrals.ehr-retry-after}, the referrals the EHR
 * failed or did not answer: their publications are left incomplete in the Event
 * Publication Registry once a round of attempts is used up, and are started again here
 * when at least that old. Only this module's publications: other modules take up their
 * own. The registry hands a failed publication to one node only; a referral is written
 * only while it is due, and its ServiceRequest only once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReferralResubmission implements SchedulingConfigurer {

	private final IncompleteEventPublications incomplete;

	private final ReferralsProperties properties;

	ReferralResubmission(IncompleteEventPublications incomplete, ReferralsProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Resubmissions.every(tasks, this.incomplete, this.properties.ehrRetryAfter(), ReferralEhrDue.class);
	}

}
