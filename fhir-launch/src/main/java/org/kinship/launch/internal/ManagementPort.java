package org.kinship.launch.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on Actuator's own port. Spring Boot names the port it bound
 * ({@code local.management.port}, a random one in tests) once the management server has
 * started; before that, and when Actuator shares the application's port, nothing matches.
 */
final class ManagementPort implements RequestMatcher {

	private final Environment environment;

	ManagementPort(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Integer port = this.environment.getProperty("local.management.port", Integer.class);
		Integer applicationPort = this.environment.getProperty("local.server.port", Integer.class);
		return port != null && port > 0 && !port.equals(applicationPort) && request.getLocalPort() == port;
	}

}
