package org.kinship.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only moderation log: who decided what, when and why. Entries are only ever
 * inserted. Community managers read a community's log; members read the entries about
 * themselves.
 */
@Component
public class ModerationLog {

	private static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	ModerationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends an entry in the caller's transaction, so that a decision and its log line
	 * are stored together or not at all.
	 * @param entry the decision
	 */
	@Transactional
	public void record(Entry entry) {
		String reason = (entry.reason().length() > MAX_REASON) ? entry.reason().substring(0, MAX_REASON)
				: entry.reason();
		this.jdbc
			.sql("INSERT INTO moderation_log (issuer, group_id, actor, action, subject, message_id, reason, at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.issuer(), entry.groupId(), entry.actor(), entry.action(), entry.subject(), entry.messageId(),
					reason, Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * The newest entries of a community, newest first.
	 * @param issuer the health system
	 * @param limit how many at most
	 * @return the entries
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Logged> community(String issuer, int limit) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? ORDER BY id DESC LIMIT ?")
			.params(issuer, limit)
			.query(ModerationLog::logged)
			.list();
	}

	/**
	 * The newest entries about one member, newest first.
	 * @param issuer the health system
	 * @param subject the member's {@code fhirUser}
	 * @param limit how many at most
	 * @return the entries
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Logged> about(String issuer, String subject, int limit) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? AND subject = ? ORDER BY id DESC LIMIT ?")
			.params(issuer, subject, limit)
			.query(ModerationLog::logged)
			.list();
	}

	private static final String SELECT = "SELECT id, issuer, group_id, actor, action, subject, message_id, reason, at "
			+ "FROM moderation_log ";

	private static Logged logged(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long groupId = rs.getLong(3);
		Long group = rs.wasNull() ? null : groupId;
		long messageId = rs.getLong(7);
		Long message = rs.wasNull() ? null : messageId;
		return new Logged(rs.getLong(1), new Entry(rs.getString(2), group, rs.getString(4), rs.getString(5),
				rs.getString(6), message, rs.getString(8)), rs.getTimestamp(9).toInstant());
	}

	/**
	 * One decision.
	 *
	 * @param issuer the health system
	 * @param groupId the group, or {@code null} for a community-wide decision (a ban, a
	 * global watched word)
	 * @param actor who decided: a {@code fhirUser}, or {@code "screening"} for automatic
	 * decisions
	 * @param action what was decided, in capitals ({@code APPROVE}, {@code REJECT},
	 * {@code MUTE}, ...)
	 * @param subject the member it is about, if any
	 * @param messageId the message it is about, if any
	 * @param reason why, as given; never health data from a record
	 */
	public record Entry(String issuer, @Nullable Long groupId, String actor, String action, @Nullable String subject,
			@Nullable Long messageId, String reason) {
	}

	/**
	 * A stored entry.
	 *
	 * @param id its number, growing
	 * @param entry the decision
	 * @param at when
	 */
	public record Logged(long id, Entry entry, Instant at) {
	}

}
