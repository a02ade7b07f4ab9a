package org.kinship.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the dispatch every {@code kinship.notifications.dispatch-interval} on the
 * scheduler's thread, never on a request's; off with
 * {@code kinship.notifications.dispatch=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "kinship.notifications", name = "dispatch", havingValue = "true", matchIfMissing = true)
class DispatchSchedule implements SchedulingConfigurer {

	private final Dispatch dispatch;

	private final NotificationsProperties properties;

	DispatchSchedule(Dispatch dispatch, NotificationsProperties properties) {
		this.dispatch = dispatch;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this.dispatch::run, this.properties.dispatchInterval());
	}

}
