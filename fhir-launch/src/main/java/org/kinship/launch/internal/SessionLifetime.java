package org.kinship.launch.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lasted longer than the absolute timeout, however active it was;
 * the idle timeout is the servlet container's session timeout.
 */
class SessionLifetime extends OncePerRequestFilter {

	private final Duration absoluteTimeout;

	SessionLifetime(Duration absoluteTimeout) {
		this.absoluteTimeout = absoluteTimeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null
				&& System.currentTimeMillis() - session.getCreationTime() > this.absoluteTimeout.toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/launch/problem?code=session_expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
