package org.kinship.broadcast.internal;

import java.time.Instant;

import org.kinship.broadcast.Broadcasting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends scheduled broadcasts when their time comes, every
 * {@code kinship.broadcast.scheduler-interval}. Each broadcast is claimed in the database
 * before it is stored for its recipients, so two nodes never send one twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledSending implements SchedulingConfigurer {

	private final Broadcasting broadcasting;

	private final BroadcastProperties properties;

	ScheduledSending(@org.springframework.context.annotation.Lazy Broadcasting broadcasting,
			BroadcastProperties properties) {
		this.broadcasting = broadcasting;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> this.broadcasting.sendDue(Instant.now()), this.properties.schedulerInterval());
	}

}
