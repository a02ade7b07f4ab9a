package org.kinship.launch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's last access moves only by a minute or more, so that the requests of an
 * active member in between write nothing back, while what a request changes is kept.
 */
class CoarseLastAccessTests {

	private final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());

	private final CoarseLastAccess<MapSession> sessions = new CoarseLastAccess<>(this.stored, Duration.ofMinutes(1));

	@Test
	void aRequestWithinTheMinuteLeavesTheLastAccessAsItWas() {
		String id = started();
		Instant first = this.stored.findById(id).getLastAccessedTime();

		var again = this.sessions.findById(id);
		again.setLastAccessedTime(first.plusSeconds(59));
		this.sessions.save(again);

		assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(first);
	}

	@Test
	void aRequestAMinuteLaterMovesIt() {
		String id = started();
		Instant later = this.stored.findById(id).getLastAccessedTime().plus(Duration.ofMinutes(1));

		var again = this.sessions.findById(id);
		again.setLastAccessedTime(later);
		this.sessions.save(again);

		assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(later);
	}

	@Test
	void whatARequestChangesIsKept() {
		String id = started();

		var again = this.sessions.findById(id);
		again.setAttribute("language", "es");
		again.removeAttribute("step");
		this.sessions.save(again);

		assertThat(this.stored.findById(id).<String>getAttribute("language")).isEqualTo("es");
		assertThat(this.stored.findById(id).getAttributeNames()).containsExactly("language");
	}

	@Test
	void anUnknownSessionIsNotFound() {
		assertThat(this.sessions.findById("nobody")).isNull();
	}

	private String started() {
		var session = this.sessions.createSession();
		session.setAttribute("step", "launched");
		this.sessions.save(session);
		return session.getId();
	}

}
