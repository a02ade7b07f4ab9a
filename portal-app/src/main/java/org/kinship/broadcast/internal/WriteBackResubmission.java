package org.kinship.broadcast.internal;

import org.kinship.shared.Resubmissions;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Starts again, every {@code kinship.broadcast.write-back-resubmit-after}, the
 * write-backs the Event Publication Registry holds as incomplete that are at least that
 * old: those of a node that died, or that failed on something other than the EHR's answer
 * (the EHR's refusals are recorded per patient and retried from the dashboard). Only this
 * module's publications: the referrals and escalation modules take up their own, and a
 * live push left incomplete is not worth sending late, since pages catch up from the
 * database. With several nodes each one looks, and two may take up the same publication;
 * the write-back writes only the Communications still pending, so at worst one that two
 * nodes write at the same moment is recorded twice, under the same identifier
 * ({@code urn:kinship:broadcast}, broadcast and patient), by which the EHR can tell.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WriteBackResubmission implements SchedulingConfigurer {

	private final IncompleteEventPublications incomplete;

	private final BroadcastProperties properties;

	WriteBackResubmission(IncompleteEventPublications incomplete, BroadcastProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Resubmissions.every(tasks, this.incomplete, this.properties.writeBackResubmitAfter(), WriteBackDue.class);
	}

}
