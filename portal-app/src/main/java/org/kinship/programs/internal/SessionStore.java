package org.kinship.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kinship.programs.HeldSession;
import org.kinship.programs.ProgramFormat;
import org.kinship.programs.ProgramSession;
import org.kinship.programs.SignUp;
import org.kinship.programs.SignUpStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored program sessions, sign-ups and attendance. A place is taken only by a
 * conditional update of the session's count ({@code admitted < capacity}), which the
 * database applies one at a time for a row: however many sign up at once, no more than
 * the capacity are admitted.
 */
@Repository("programSessionStore")
public class SessionStore {

	private static final String SELECT = "SELECT id, program_id, starts_at, ends_at, capacity, admitted "
			+ "FROM program_session ";

	private final JdbcClient jdbc;

	SessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a session unless the program already has one at that start.
	 * @param programId the program
	 * @param startsAt its start
	 * @param endsAt its end
	 * @param capacity its places
	 */
	public void insert(long programId, Instant startsAt, Instant endsAt, int capacity) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM program_session WHERE program_id = ? AND starts_at = ?")
			.params(programId, Timestamp.from(startsAt))
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			this.jdbc.sql("INSERT INTO program_session (program_id, starts_at, ends_at, capacity) VALUES (?, ?, ?, ?)")
				.params(programId, Timestamp.from(startsAt), Timestamp.from(endsAt), capacity)
				.update();
		}
	}

	/**
	 * Removes the sessions to come that nobody has signed up for, before a changed
	 * schedule is laid out again; sessions with sign-ups stay.
	 * @param programId the program
	 * @param now the time
	 */
	public void dropEmptyUpcoming(long programId, Instant now) {
		this.jdbc
			.sql("DELETE FROM program_session WHERE program_id = ? AND starts_at > ? AND NOT EXISTS "
					+ "(SELECT 1 FROM program_signup s WHERE s.session_id = program_session.id)")
			.params(programId, Timestamp.from(now))
			.update();
	}

	/**
	 * Sets the places of the sessions to come, never below the places already taken.
	 * @param programId the program
	 * @param capacity the places
	 * @param now the time
	 */
	public void capacity(long programId, int capacity, Instant now) {
		this.jdbc
			.sql("UPDATE program_session SET capacity = CASE WHEN admitted > ? THEN admitted ELSE ? END "
					+ "WHERE program_id = ? AND starts_at > ?")
			.params(capacity, capacity, programId, Timestamp.from(now))
			.update();
	}

	/**
	 * A program's sessions that have not ended, soonest first.
	 * @param programId the program
	 * @param now the time
	 * @param limit at most this many
	 * @return the sessions
	 */
	public List<ProgramSession> upcoming(long programId, Instant now, int limit) {
		return this.jdbc.sql(SELECT + "WHERE program_id = ? AND ends_at > ? ORDER BY starts_at LIMIT ?")
			.params(programId, Timestamp.from(now), limit)
			.query(SessionStore::session)
			.list();
	}

	/**
	 * A program's sessions that have started, latest first.
	 * @param programId the program
	 * @param now the time
	 * @param limit at most this many
	 * @return the sessions
	 */
	public List<ProgramSession> started(long programId, Instant now, int limit) {
		return this.jdbc.sql(SELECT + "WHERE program_id = ? AND starts_at <= ? ORDER BY starts_at DESC LIMIT ?")
			.params(programId, Timestamp.from(now), limit)
			.query(SessionStore::session)
			.list();
	}

	/**
	 * One session of a program.
	 * @param programId the program
	 * @param id the session
	 * @return the session, or empty
	 */
	public Optional<ProgramSession> find(long programId, long id) {
		return this.jdbc.sql(SELECT + "WHERE program_id = ? AND id = ?")
			.params(programId, id)
			.query(SessionStore::session)
			.optional();
	}

	/**
	 * Puts a member on a session's list: admitted when a place is left, waiting
	 * otherwise. Must run in a transaction, so that a sign-up that fails leaves no place
	 * taken.
	 * @param sessionId the session
	 * @param member the member
	 * @param name their name
	 * @param now the time
	 * @return where they stand, or empty when they had already signed up
	 */
	public Optional<SignUpStatus> signUp(long sessionId, String member, String name, Instant now) {
		if (status(sessionId, member).isPresent()) {
			return Optional.empty();
		}
		boolean admitted = this.jdbc
			.sql("UPDATE program_session SET admitted = admitted + 1 WHERE id = ? AND admitted < capacity")
			.param(sessionId)
			.update() == 1;
		SignUpStatus status = admitted ? SignUpStatus.ADMITTED : SignUpStatus.WAITING;
		this.jdbc
			.sql("INSERT INTO program_signup (session_id, member, member_name, status, signed_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(sessionId, member, name, status.name(), Timestamp.from(now))
			.update();
		return Optional.of(status);
	}

	/**
	 * Takes a member off a session's list; a place they held goes to the first on the
	 * waiting list. Must run in a transaction.
	 * @param sessionId the session
	 * @param member the member
	 * @return true if they were on it
	 */
	public boolean cancel(long sessionId, String member) {
		// the session's row is locked first, so that a place freed and a sign-up at the
		// same moment are applied one after the other
		this.jdbc.sql("SELECT admitted FROM program_session WHERE id = ? FOR UPDATE")
			.param(sessionId)
			.query(Integer.class)
			.optional();
		Optional<SignUpStatus> status = status(sessionId, member);
		if (status.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM program_signup WHERE session_id = ? AND member = ?")
			.params(sessionId, member)
			.update();
		if (status.get() == SignUpStatus.ADMITTED) {
			Optional<String> next = this.jdbc
				.sql("SELECT member FROM program_signup WHERE session_id = ? AND status = 'WAITING' "
						+ "ORDER BY signed_at, member LIMIT 1")
				.param(sessionId)
				.query(String.class)
				.optional();
			if (next.isPresent()) {
				this.jdbc.sql("UPDATE program_signup SET status = 'ADMITTED' WHERE session_id = ? AND member = ?")
					.params(sessionId, next.get())
					.update();
			}
			else {
				this.jdbc.sql("UPDATE program_session SET admitted = admitted - 1 WHERE id = ?")
					.param(sessionId)
					.update();
			}
		}
		return true;
	}

	/**
	 * Whether a member holds a place from one sign-up in a session that has not started.
	 * @param sessionId the session
	 * @param member the member
	 * @param signedAt when that sign-up was made
	 * @param now the time
	 * @return true when admitted from it, and the session is still to start
	 */
	public boolean holdsPlace(long sessionId, String member, Instant signedAt, Instant now) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM program_signup s JOIN program_session ps ON ps.id = s.session_id "
					+ "WHERE s.session_id = ? AND s.member = ? AND s.status = 'ADMITTED' AND s.signed_at = ? "
					+ "AND ps.starts_at > ?")
			.params(sessionId, member, Timestamp.from(signedAt), Timestamp.from(now))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The started sessions of the programs linked to a group, latest first, with how many
	 * held a place and how many came (null while attendance is not taken).
	 * @param groupId the group
	 * @param now the time
	 * @param limit at most this many
	 * @return the sessions
	 */
	public List<HeldSession> heldFor(long groupId, Instant now, int limit) {
		return this.jdbc.sql("SELECT p.id, ps.id, p.name, p.format, ps.starts_at, "
				+ "SUM(CASE WHEN s.status = 'ADMITTED' THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN s.status = 'ADMITTED' AND s.attended = TRUE THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN s.status = 'ADMITTED' AND s.attended IS NOT NULL THEN 1 ELSE 0 END) "
				+ "FROM program_group pg JOIN program p ON p.id = pg.program_id "
				+ "JOIN program_session ps ON ps.program_id = p.id "
				+ "LEFT JOIN program_signup s ON s.session_id = ps.id " + "WHERE pg.group_id = ? AND ps.starts_at <= ? "
				+ "GROUP BY p.id, ps.id, p.name, p.format, ps.starts_at ORDER BY ps.starts_at DESC, ps.id DESC LIMIT ?")
			.params(groupId, Timestamp.from(now), limit)
			.query((rs, row) -> new HeldSession(rs.getLong(1), rs.getLong(2), rs.getString(3),
					ProgramFormat.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getInt(6),
					(rs.getInt(8) > 0) ? rs.getInt(7) : null))
			.list();
	}

	/**
	 * Where a member stands for a session.
	 * @param sessionId the session
	 * @param member the member
	 * @return their status, or empty when not signed up
	 */
	public Optional<SignUpStatus> status(long sessionId, String member) {
		return this.jdbc.sql("SELECT status FROM program_signup WHERE session_id = ? AND member = ?")
			.params(sessionId, member)
			.query(String.class)
			.optional()
			.map(SignUpStatus::valueOf);
	}

	/**
	 * Everyone signed up for a session, admitted first, each list in order of signing up.
	 * @param sessionId the session
	 * @return the sign-ups
	 */
	public List<SignUp> signUps(long sessionId) {
		return this.jdbc
			.sql("SELECT session_id, member, member_name, status, signed_at, attended FROM program_signup "
					+ "WHERE session_id = ? ORDER BY status, signed_at, member")
			.param(sessionId)
			.query(SessionStore::signUp)
			.list();
	}

	/**
	 * A member's sign-ups for sessions that have not ended, with their sessions.
	 * @param member the member
	 * @param now the time
	 * @return the sign-ups and sessions, soonest first
	 */
	public List<Mine> mine(String member, Instant now) {
		return this.jdbc
			.sql("SELECT s.id, s.program_id, s.starts_at, s.ends_at, s.capacity, s.admitted, u.status "
					+ "FROM program_signup u JOIN program_session s ON s.id = u.session_id "
					+ "WHERE u.member = ? AND s.ends_at > ? ORDER BY s.starts_at")
			.params(member, Timestamp.from(now))
			.query((rs, row) -> new Mine(session(rs, row), SignUpStatus.valueOf(rs.getString(7))))
			.list();
	}

	/**
	 * Whether a member attended any session of a program since a time.
	 * @param programId the program
	 * @param member the member
	 * @param since the earliest session start that counts
	 * @return true if the staff marked them present
	 */
	public boolean attendedSince(long programId, String member, Instant since) {
		return attendedBetween(programId, member, since, Instant.parse("9999-12-31T00:00:00Z"));
	}

	/**
	 * Whether a member attended a session of a program that started in a span.
	 * @param programId the program
	 * @param member the member
	 * @param from the earliest session start that counts
	 * @param to the latest
	 * @return true if the staff marked them present
	 */
	public boolean attendedBetween(long programId, String member, Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM program_signup u JOIN program_session s ON s.id = u.session_id "
					+ "WHERE s.program_id = ? AND u.member = ? AND u.attended = TRUE AND s.starts_at >= ? "
					+ "AND s.starts_at <= ?")
			.params(programId, member, Timestamp.from(from), Timestamp.from(to))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records who came to a session: the admitted members named are marked present, the
	 * other admitted members absent.
	 * @param sessionId the session
	 * @param present the members who came
	 */
	public void attendance(long sessionId, List<String> present) {
		this.jdbc.sql("UPDATE program_signup SET attended = FALSE WHERE session_id = ? AND status = 'ADMITTED'")
			.param(sessionId)
			.update();
		if (!present.isEmpty()) {
			this.jdbc
				.sql("UPDATE program_signup SET attended = TRUE WHERE session_id = :session AND status = 'ADMITTED' "
						+ "AND member IN (:present)")
				.param("session", sessionId)
				.param("present", present)
				.update();
		}
	}

	private static ProgramSession session(ResultSet rs, int row) throws SQLException {
		return new ProgramSession(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
				rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6));
	}

	private static SignUp signUp(ResultSet rs, int row) throws SQLException {
		boolean attended = rs.getBoolean(6);
		return new SignUp(rs.getLong(1), rs.getString(2), rs.getString(3), SignUpStatus.valueOf(rs.getString(4)),
				rs.getTimestamp(5).toInstant(), rs.wasNull() ? null : attended);
	}

	/**
	 * A member's sign-up with its session.
	 *
	 * @param session the session
	 * @param status where they stand
	 */
	public record Mine(ProgramSession session, SignUpStatus status) {
	}

}
