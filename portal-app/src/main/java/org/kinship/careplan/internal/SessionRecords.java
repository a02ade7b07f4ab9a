package org.kinship.careplan.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.messaging.simp.SimpAttributes;
import org.springframework.messaging.simp.SimpAttributesContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record last read for this session, for a few minutes: in the member's own
 * server-side session, so that it goes when the session ends and no one else ever reaches
 * it. Nothing is written to the database.
 */
@Component
public class SessionRecords {

	static final String ATTRIBUTE = SessionRecords.class.getName();

	private final CarePlanProperties properties;

	SessionRecords(CarePlanProperties properties) {
		this.properties = properties;
	}

	/**
	 * The cached record of the patient in context, unless it is older than the cache's
	 * time to live.
	 * @param principal the session's principal
	 * @return the record, if fresh
	 */
	public Optional<CarePlanRecord> fresh(KinshipPrincipal principal) {
		Object cached = stored(session());
		return Optional.ofNullable((cached instanceof CarePlanRecord record) ? record : null)
			.filter((record) -> record.issuer().equals(principal.issuer())
					&& record.patientId().equals(principal.patientId()))
			.filter((record) -> record.readAt().plus(this.properties.cacheTtl()).isAfter(Instant.now()));
	}

	/**
	 * The record this session holds for the patient in context, whatever its age, without
	 * reading anything: on a request thread the session's own, on a STOMP thread the copy
	 * of the session's attributes that the socket took when it opened. Never fails.
	 * @param principal the session's principal
	 * @return the record, or empty when the session holds none
	 */
	public Optional<CarePlanRecord> held(KinshipPrincipal principal) {
		Object cached = null;
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			cached = stored(request);
		}
		else {
			SimpAttributes socket = SimpAttributesContextHolder.getAttributes();
			cached = (socket != null) ? socket.getAttribute(ATTRIBUTE) : null;
		}
		return Optional.ofNullable((cached instanceof CarePlanRecord record) ? record : null)
			.filter((record) -> record.issuer().equals(principal.issuer())
					&& record.patientId().equals(principal.patientId()));
	}

	/**
	 * Keeps a record for this session.
	 * @param record the record
	 */
	public void keep(CarePlanRecord record) {
		session().setAttribute(ATTRIBUTE, record, RequestAttributes.SCOPE_SESSION);
	}

	/** Forgets this session's record, so that the next page reads it again. */
	public void forget() {
		session().removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
	}

	/**
	 * The record the session holds, read from the session itself: an attribute read
	 * through {@link RequestAttributes} is set again when the request completes
	 * ({@code ServletRequestAttributes#updateAccessedSessionAttributes}), which sealed
	 * the whole record and wrote it back to the session store on every page that looked
	 * at it.
	 */
	private static @Nullable Object stored(RequestAttributes request) {
		if (request instanceof ServletRequestAttributes servlet) {
			HttpSession session = servlet.getRequest().getSession(false);
			return (session != null) ? session.getAttribute(ATTRIBUTE) : null;
		}
		return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
	}

	private static RequestAttributes session() {
		return RequestContextHolder.currentRequestAttributes();
	}

}
