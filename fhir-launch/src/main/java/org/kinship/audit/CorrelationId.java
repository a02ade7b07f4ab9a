package org.kinship.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: in the logs (MDC {@code correlation_id}, a field
 * of its own in structured logs), in the audit log, in the {@code X-Correlation-Id}
 * response header and on error pages, so that a person's "reference number" leads to what
 * happened. An id the caller sends in {@code X-Correlation-Id} (a proxy's) is kept when
 * it is 8 to 64 letters, digits and dashes; anything else is replaced, so that no caller
 * can write what it likes into the logs. STOMP frames get theirs from the realtime
 * module, through {@link #accept(String)}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationId extends OncePerRequestFilter {

	/** The MDC key and request attribute. */
	public static final String KEY = "correlation_id";

	/** The header that brings a caller's id and carries Kinship's back. */
	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{8,64}");

	/**
	 * The current request's correlation id, or a new one outside a request.
	 * @return the id
	 */
	public static String current() {
		String id = MDC.get(KEY);
		return (id != null) ? id : newId();
	}

	/**
	 * The id to use for a request or frame that came with the given one.
	 * @param incoming what the caller sent, or {@code null}
	 * @return the caller's id when it is safe to log, else a new one
	 */
	public static String accept(@Nullable String incoming) {
		return (incoming != null && SAFE.matcher(incoming).matches()) ? incoming : newId();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = accept(request.getHeader(HEADER));
		MDC.put(KEY, id);
		request.setAttribute(KEY, id);
		response.setHeader(HEADER, id);
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
