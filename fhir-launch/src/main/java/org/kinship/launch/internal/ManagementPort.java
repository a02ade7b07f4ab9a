package org.kinship.launch.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on Actuator's own port. Spring Boot names the port it bound
 * ({@code local.management.port}, a random one in tests) once the management server has
 * started; before that, and when Actuator shares the application's port, nothing matches.
 * Every request passes this matcher, so the port is kept once both servers have named
 * theirs, instead of being looked up among the environment's property sources each time.
 */
final class ManagementPort implements RequestMatcher {

	/** Not known yet. */
	private static final int UNKNOWN = -1;

	private final Environment environment;

	/** Actuator's own port, 0 when it shares the application's, or {@link #UNKNOWN}. */
	private volatile int port = UNKNOWN;

	ManagementPort(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		int own = this.port;
		if (own == UNKNOWN) {
			own = port();
		}
		return own > 0 && request.getLocalPort() == own;
	}

	private int port() {
		Integer port = this.environment.getProperty("local.management.port", Integer.class);
		Integer applicationPort = this.environment.getProperty("local.server.port", Integer.class);
		if (port == null || applicationPort == null) {
			return 0;
		}
		int own = (port > 0 && !port.equals(applicationPort)) ? port : 0;
		this.port = own;
		return own;
	}

}
