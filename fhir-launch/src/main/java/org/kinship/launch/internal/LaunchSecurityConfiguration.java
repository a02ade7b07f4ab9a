package org.kinship.launch.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. Pages before a launch are open; everything else needs the session
 * that a launch creates.
 */
@Configuration(proxyBeanMethods = false)
class LaunchSecurityConfiguration {

	@Bean
	SecurityFilterChain kinshipSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/launch", "/error", "/css/**", "/actuator/health/**", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated());
		return http.build();
	}

}
