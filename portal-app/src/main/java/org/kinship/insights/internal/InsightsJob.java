package org.kinship.insights.internal;

import org.kinship.insights.InsightsRefresh;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Refreshes every group's insights once a {@code kinship.insights.refresh-interval}
 * (never when it is zero). Pages only read what it stored.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InsightsJob implements SchedulingConfigurer {

	private final InsightsRefresh refresh;

	private final InsightsProperties properties;

	InsightsJob(InsightsRefresh refresh, InsightsProperties properties) {
		this.refresh = refresh;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		if (!this.properties.refreshInterval().isZero()) {
			tasks.addFixedDelayTask(this.refresh::refreshAll, this.properties.refreshInterval());
		}
	}

}
