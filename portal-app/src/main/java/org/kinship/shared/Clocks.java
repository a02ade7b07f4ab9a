package org.kinship.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} that rules about time read (chat's rate limit and slow mode, when
 * messages and live sessions happen), so that a test running the whole system can hold or
 * move time instead of waiting for it. A context that registers a clock of its own keeps
 * it.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
