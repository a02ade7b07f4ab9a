package org.kinship.shared;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads made once per page. A group's page asks several modules for what it shows, and
 * each checks the person's seat in the group, their sanctions and their time zone for
 * itself: without this, one page view read the same seat six times. While a {@code GET}
 * or {@code HEAD} request is served, which changes none of what is kept here, a read is
 * made once and its answer kept in the request; anywhere else (a form sent, a socket
 * frame, a scheduled job) every call reads afresh, so that a change made in the same
 * request is always seen.
 */
public final class RequestMemo {

	private static final String PREFIX = RequestMemo.class.getName() + ".";

	private static final Object NONE = new Object();

	private RequestMemo() {
	}

	/**
	 * The answer of a read, made at most once per page request.
	 * @param <T> what the read answers
	 * @param key what is read, for whom: every argument that changes the answer
	 * @param read the read
	 * @return the answer, kept or read now
	 */
	@SuppressWarnings("unchecked")
	public static <T> T once(String key, Supplier<T> read) {
		ServletRequestAttributes servlet = page();
		if (servlet == null) {
			return read.get();
		}
		Object kept = servlet.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
		if (kept != null) {
			return (T) ((kept == NONE) ? null : kept);
		}
		T answer = read.get();
		servlet.setAttribute(PREFIX + key, (answer != null) ? answer : NONE, RequestAttributes.SCOPE_REQUEST);
		return answer;
	}

	/**
	 * Keeps for the page an answer that a wider read gave, so that the read of its own is
	 * not made; outside a page request nothing is kept.
	 * @param key what the answer is of, as {@link #once} names it
	 * @param answer the answer
	 */
	public static void keep(String key, @Nullable Object answer) {
		ServletRequestAttributes servlet = page();
		if (servlet != null) {
			servlet.setAttribute(PREFIX + key, (answer != null) ? answer : NONE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Whether this request keeps its reads: a read that can answer for more than its
	 * caller asked (the rest of the page's needs in the same statement) is worth making
	 * wider only then.
	 * @return true while a page request is served
	 */
	public static boolean keeps() {
		return page() != null;
	}

	/** The request being served when it is a page ({@code GET} or {@code HEAD}). */
	private static @Nullable ServletRequestAttributes page() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			String method = servlet.getRequest().getMethod();
			return ("GET".equals(method) || "HEAD".equals(method)) ? servlet : null;
		}
		return null;
	}

}
