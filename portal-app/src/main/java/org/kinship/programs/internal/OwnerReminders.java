package org.kinship.programs.internal;

import org.kinship.programs.ProgramDirectory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for programs whose owners are due a reminder every
 * {@code kinship.programs.reminder-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OwnerReminders implements SchedulingConfigurer {

	private final ProgramDirectory directory;

	private final ProgramsProperties properties;

	OwnerReminders(ProgramDirectory directory, ProgramsProperties properties) {
		this.directory = directory;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this.directory::remindOwners, this.properties.reminderInterval());
	}

}
