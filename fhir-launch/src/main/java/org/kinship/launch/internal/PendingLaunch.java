package org.kinship.launch.internal;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

/**
 * A launch received and not yet sent on to the EHR's authorize endpoint: which EHR, and
 * the opaque {@code launch} value for an EHR launch ({@code null} for a standalone one).
 *
 * @param issuerKey the registration key
 * @param launch the {@code launch} value, or {@code null}
 */
record PendingLaunch(String issuerKey, @Nullable String launch) implements Serializable {

	private static final String ATTRIBUTE = PendingLaunch.class.getName();

	void store(HttpServletRequest request) {
		request.getSession(true).setAttribute(ATTRIBUTE, this);
	}

	static @Nullable PendingLaunch take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		PendingLaunch pending = (PendingLaunch) session.getAttribute(ATTRIBUTE);
		session.removeAttribute(ATTRIBUTE);
		return pending;
	}

}
