package org.kinship.launch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions whose last-access time moves only when it is at least a granularity old.
 * Spring Session writes a session back after every request that used it, if only to move
 * that time; in Redis that is a hash field, the key's expiry and the expiry index the
 * indexed repository keeps, six commands on a request that changed nothing, and most of
 * an active member's requests change nothing. With this repository in front those
 * requests write nothing, and a session ends between the idle timeout and the idle
 * timeout less the granularity after its last request.
 *
 * @param <S> the sessions of the repository in front of which this one stands
 */
final class CoarseLastAccess<S extends Session> implements SessionRepository<CoarseLastAccess.Touched<S>> {

	private final SessionRepository<S> sessions;

	private final Duration granularity;

	CoarseLastAccess(SessionRepository<S> sessions, Duration granularity) {
		this.sessions = sessions;
		this.granularity = granularity;
	}

	@Override
	public Touched<S> createSession() {
		return new Touched<>(this.sessions.createSession(), this.granularity);
	}

	@Override
	public void save(Touched<S> session) {
		this.sessions.save(session.session);
	}

	@Override
	public @Nullable Touched<S> findById(String id) {
		S found = this.sessions.findById(id);
		return (found != null) ? new Touched<>(found, this.granularity) : null;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
	}

	/**
	 * A session whose last-access time moves only by at least the granularity.
	 *
	 * @param <S> the session it stands for
	 */
	static final class Touched<S extends Session> implements Session {

		private final S session;

		private final Duration granularity;

		Touched(S session, Duration granularity) {
			this.session = session;
			this.granularity = granularity;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.session.getLastAccessedTime(), lastAccessedTime)
				.compareTo(this.granularity) >= 0) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
