package org.kinship.shared;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Starts again, on a schedule, one module's publications that the Event Publication
 * Registry holds as incomplete: those of a node that died, or whose listener failed. Each
 * module takes up its own events only, and only those old enough that their first attempt
 * is over.
 */
public final class Resubmissions {

	private Resubmissions() {
	}

	/**
	 * Schedules the resubmission of one kind of event.
	 * @param tasks the scheduler's registrar, from {@code SchedulingConfigurer}
	 * @param incomplete the registry's incomplete publications
	 * @param every how often to look, and how old a publication must be to start again
	 * @param event the class of the module's events
	 */
	public static void every(ScheduledTaskRegistrar tasks, IncompleteEventPublications incomplete, Duration every,
			Class<?> event) {
		tasks.addFixedDelayTask(() -> incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(every)
			.withFilter((publication) -> event.isInstance(publication.getEvent()))), every);
	}

}
