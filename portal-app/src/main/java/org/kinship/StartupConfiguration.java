package org.kinship;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What a node does while it starts: it waits for its database ({@link DatabaseWait}).
 */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

	@Bean
	static DatabaseWait databaseWait(Environment environment) {
		return new DatabaseWait(environment);
	}

}
