package org.kinship.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: in the logs (MDC {@code correlationId}), in the
 * audit log, in the {@code X-Correlation-Id} response header and on error pages, so that
 * a person's "reference number" leads to what happened.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationId extends OncePerRequestFilter {

	/** The MDC key and request attribute. */
	public static final String KEY = "correlationId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{8,64}");

	/**
	 * The current request's correlation id, or a new one outside a request.
	 * @return the id
	 */
	public static String current() {
		String id = MDC.get(KEY);
		return (id != null) ? id : newId();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader("X-Correlation-Id");
		String id = (incoming != null && SAFE.matcher(incoming).matches()) ? incoming : newId();
		MDC.put(KEY, id);
		request.setAttribute(KEY, id);
		response.setHeader("X-Correlation-Id", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(KEY);
		}
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

}
