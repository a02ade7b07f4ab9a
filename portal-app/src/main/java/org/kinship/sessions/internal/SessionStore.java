package org.kinship.sessions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.sessions.LiveSession;
import org.kinship.sessions.Posting;
import org.kinship.shared.RequestMemo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored live sessions and their attendance.
 */
@Repository
public class SessionStore {

	private static final String COLUMNS = "id, group_id, title, posting, starts_at, ends_at, ended_at, summary, "
			+ "first_seq, last_seq";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM live_session ";

	/** The same columns and which part of a read a row answers (its 11th column). */
	private static final String SELECT_PART = "SELECT " + COLUMNS + ", %d FROM live_session ";

	/** A group's sessions that have ended, latest first. */
	private static final String PAST = "WHERE group_id = ? AND (ends_at <= ? OR ended_at <= ?) ORDER BY starts_at DESC";

	/** A session not ended early ends at ends_at; one ended early at ended_at. */
	private static final String NOT_ENDED_BY = "ends_at > ? AND (ended_at IS NULL OR ended_at > ?)";

	private final JdbcClient jdbc;

	private final int pastShown;

	SessionStore(JdbcClient jdbc, SessionsProperties properties) {
		this.jdbc = jdbc;
		this.pastShown = properties.pastShown();
	}

	/**
	 * Stores a new session.
	 * @param session the session (its id is ignored)
	 * @param by who scheduled it
	 * @return its id
	 */
	public long insert(LiveSession session, String by) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO live_session (group_id, title, posting, starts_at, ends_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(session.groupId(), session.title(), session.posting().name(), Timestamp.from(session.startsAt()),
					Timestamp.from(session.endsAt()), by)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * One session of a group.
	 * @param groupId the group
	 * @param id the session
	 * @return the session, or empty when it is not this group's
	 */
	public Optional<LiveSession> find(long groupId, long id) {
		return this.jdbc.sql(SELECT + "WHERE group_id = ? AND id = ?")
			.params(groupId, id)
			.query(SessionStore::session)
			.optional();
	}

	/**
	 * The session live in a group now.
	 * @param groupId the group
	 * @param now the time
	 * @return the session, if one is live
	 */
	public Optional<LiveSession> live(long groupId, Instant now) {
		return notOver(groupId, now).stream().filter((session) -> !session.startsAt().isAfter(now)).findFirst();
	}

	/**
	 * The sessions still to come, soonest first.
	 * @param groupId the group
	 * @param now the time
	 * @return the sessions
	 */
	public List<LiveSession> upcoming(long groupId, Instant now) {
		return notOver(groupId, now).stream()
			.filter((session) -> session.startsAt().isAfter(now) && session.endedAt() == null)
			.toList();
	}

	/**
	 * The sessions live now and those still to come, soonest first: one read for both,
	 * which a page's composer notice and its sessions panel ask for, read once per page.
	 */
	private List<LiveSession> notOver(long groupId, Instant now) {
		return schedule(groupId, now).notOver();
	}

	/**
	 * The sessions that have ended, latest first: on a page, from the read that also
	 * gives the sessions not over.
	 * @param groupId the group
	 * @param now the time
	 * @return at most as many sessions as a group's page lists
	 */
	public List<LiveSession> past(long groupId, Instant now) {
		if (RequestMemo.keeps()) {
			return schedule(groupId, now).past();
		}
		Timestamp at = Timestamp.from(now);
		return this.jdbc.sql(SELECT + PAST + " LIMIT ?")
			.params(groupId, at, at, this.pastShown)
			.query(SessionStore::session)
			.list();
	}

	/**
	 * A group's sessions not over and, on a page (which lists both), the latest past
	 * ones: one statement, kept for the page. A message sent reads only the sessions not
	 * over.
	 */
	private Schedule schedule(long groupId, Instant now) {
		return RequestMemo.once("sessions.schedule " + groupId, () -> {
			Timestamp at = Timestamp.from(now);
			String notOver = SELECT_PART.formatted(0) + "WHERE group_id = ? AND ((" + NOT_ENDED_BY
					+ ") OR (starts_at > ? AND ended_at IS NULL))";
			int pastShown = RequestMemo.keeps() ? this.pastShown : 0;
			List<LiveSession> sessions = new ArrayList<>();
			List<LiveSession> past = new ArrayList<>();
			this.jdbc
				.sql((pastShown == 0) ? notOver
						: "(" + notOver + ") UNION ALL (" + SELECT_PART.formatted(1) + PAST + " LIMIT ?)")
				.params((pastShown == 0) ? List.of(groupId, at, at, at)
						: List.of(groupId, at, at, at, groupId, at, at, pastShown))
				.query((rs) -> {
					(rs.getInt(11) == 0 ? sessions : past).add(session(rs, 0));
				});
			sessions.sort(Comparator.comparing(LiveSession::startsAt));
			past.sort(Comparator.comparing(LiveSession::startsAt).reversed());
			return new Schedule(List.copyOf(sessions), List.copyOf(past));
		});
	}

	private record Schedule(List<LiveSession> notOver, List<LiveSession> past) {
	}

	/**
	 * Whether another session not yet over overlaps a span.
	 * @param groupId the group
	 * @param from the span's start
	 * @param to its end
	 * @param except a session to leave out, or {@code 0}
	 * @param now the time
	 * @return true if one does
	 */
	public boolean overlaps(long groupId, Instant from, Instant to, long except, Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc
			.sql("SELECT COUNT(*) FROM live_session WHERE group_id = ? AND id <> ? AND starts_at < ? AND ends_at > ? "
					+ "AND " + NOT_ENDED_BY)
			.params(groupId, except, Timestamp.from(to), Timestamp.from(from), at, at)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Moves a session's start to now, keeping its length.
	 * @param id the session
	 * @param startsAt the new start
	 * @param endsAt the new end
	 */
	public void reschedule(long id, Instant startsAt, Instant endsAt) {
		this.jdbc.sql("UPDATE live_session SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(Timestamp.from(startsAt), Timestamp.from(endsAt), id)
			.update();
	}

	/**
	 * Ends a session and keeps its summary.
	 * @param id the session
	 * @param endedAt when it ended
	 * @param summary the facilitator's summary
	 * @param firstSeq the first message posted while it was live, or {@code null}
	 * @param lastSeq the last, or {@code null}
	 */
	public void end(long id, Instant endedAt, String summary, @Nullable Long firstSeq, @Nullable Long lastSeq) {
		this.jdbc.sql("UPDATE live_session SET ended_at = ?, summary = ?, first_seq = ?, last_seq = ? WHERE id = ?")
			.params(Timestamp.from(endedAt), summary, firstSeq, lastSeq, id)
			.update();
	}

	/**
	 * Counts a member as attending, once however often they come.
	 * @param sessionId the session
	 * @param member the member's {@code fhirUser}
	 * @param name their name in the group
	 * @param at when they were seen
	 */
	public void attended(long sessionId, String member, String name, Instant at) {
		this.jdbc
			.sql("INSERT INTO session_attendance (session_id, member, member_name, first_seen) VALUES (?, ?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE member_name = ?")
			.params(sessionId, member, name, Timestamp.from(at), name)
			.update();
	}

	/**
	 * Whether a member attended a live session of a group within a time.
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @param from first seen at or after this
	 * @param until and before this
	 * @return true if they did
	 */
	public boolean attendedBetween(long groupId, String member, Instant from, Instant until) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM session_attendance a JOIN live_session s ON s.id = a.session_id "
					+ "WHERE s.group_id = ? AND a.member = ? AND a.first_seen >= ? AND a.first_seen < ?")
			.params(groupId, member, Timestamp.from(from), Timestamp.from(until))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The names of those who attended, by name.
	 * @param sessionId the session
	 * @return the names
	 */
	public List<String> attendees(long sessionId) {
		return this.jdbc.sql("SELECT member_name FROM session_attendance WHERE session_id = ? ORDER BY member_name")
			.param(sessionId)
			.query(String.class)
			.list();
	}

	private static LiveSession session(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp(7);
		return new LiveSession(rs.getLong(1), rs.getLong(2), rs.getString(3), Posting.valueOf(rs.getString(4)),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
				(ended != null) ? ended.toInstant() : null, rs.getString(8), nullableLong(rs, 9), nullableLong(rs, 10));
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
