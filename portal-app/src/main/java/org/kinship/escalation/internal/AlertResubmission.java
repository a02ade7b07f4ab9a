package org.kinship.escalation.internal;

import org.kinship.shared.Resubmissions;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Starts again, every {@code kinship.escalation.alert-resubmit-after}, the care-team
 * alerts the Event Publication Registry holds as incomplete that are at least that old:
 * those of a node that died, or that failed on something other than the EHR's answer (the
 * EHR's refusals are recorded per escalation and retried by a facilitator). Only this
 * module's publications: other modules take up their own. Two nodes may take up the same
 * one; the alert is written only while its row is pending, so at worst one written at the
 * same moment by two nodes is recorded twice under the same identifier
 * ({@code urn:kinship:escalation}), by which the EHR can tell.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertResubmission implements SchedulingConfigurer {

	private final IncompleteEventPublications incomplete;

	private final EscalationProperties properties;

	AlertResubmission(IncompleteEventPublications incomplete, EscalationProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Resubmissions.every(tasks, this.incomplete, this.properties.alertResubmitAfter(), CareTeamAlertDue.class);
	}

}
