package org.kinship.notifications.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** E-mails, stored before the mail server sees them and marked once it has taken them. */
@Repository
public class EmailStore {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	static final String BOUNCED = "BOUNCED";

	static final String DROPPED = "DROPPED";

	/**
	 * Notices (or a digest) for a member with no address e-mail may go to, kept for the
	 * pushes they make; never handed to the mail server, and not counted as an e-mail.
	 */
	static final String PUSH_ONLY = "PUSH_ONLY";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	EmailStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Stores one e-mail of immediate notices.
	 * @param issuer the health system
	 * @param fhirUser the member
	 * @param mailed whether it goes to the mail server, or is only kept for its pushes
	 * @param now when
	 * @return its id
	 */
	public long insertNotice(String issuer, String fhirUser, boolean mailed, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.template.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"INSERT INTO notify_email (issuer, fhir_user, kind, status, attempts, next_attempt_at, "
							+ "created_at) VALUES (?, ?, 'NOTICE', ?, 0, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			statement.setString(1, issuer);
			statement.setString(2, fhirUser);
			statement.setString(3, mailed ? PENDING : PUSH_ONLY);
			statement.setTimestamp(4, Timestamp.from(now));
			statement.setTimestamp(5, Timestamp.from(now));
			return statement;
		}, keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Stores digests in one batch: to be mailed to members e-mail may go to, and kept for
	 * their pushes only for the others.
	 * @param digests each member's contact with their digest's counts
	 * @param now when
	 */
	public void insertDigests(Map<Contact, String> digests, Instant now) {
		List<Object[]> rows = new ArrayList<>(digests.size());
		Timestamp at = Timestamp.from(now);
		digests.forEach((contact, summary) -> rows.add(new Object[] { contact.issuer(), contact.fhirUser(), summary,
				contact.reachable() ? PENDING : PUSH_ONLY, at, at }));
		this.template.batchUpdate("INSERT INTO notify_email (issuer, fhir_user, kind, summary, status, attempts, "
				+ "next_attempt_at, created_at) VALUES (?, ?, 'DIGEST', ?, ?, 0, ?, ?)", rows);
	}

	/**
	 * E-mails due to be tried.
	 * @param now the time
	 * @param limit at most this many
	 * @return the e-mails, oldest first
	 */
	public List<Email> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id, issuer, fhir_user, kind, summary, attempts FROM notify_email "
					+ "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new Email(rs.getLong(1), rs.getString(2), rs.getString(3),
					Email.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6)))
			.list();
	}

	/**
	 * Marks e-mails with an outcome in one write.
	 * @param ids the e-mails
	 * @param status {@code SENT} or {@code DROPPED}
	 * @param now when
	 */
	public void mark(Collection<Long> ids, String status, Instant now) {
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("UPDATE notify_email SET status = :status, sent_at = :now, attempts = attempts + 1 "
						+ "WHERE id IN (:ids)")
				.param("status", status)
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Records a failed try: to be tried again at a later time, or finished as failed or
	 * bounced.
	 * @param id the e-mail
	 * @param status {@code PENDING}, {@code FAILED} or {@code BOUNCED}
	 * @param next when to try again
	 * @param error what went wrong, short
	 */
	public void failed(long id, String status, Instant next, String error) {
		this.jdbc
			.sql("UPDATE notify_email SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
					+ "WHERE id = ?")
			.params(status, Timestamp.from(next), error, id)
			.update();
	}

	/**
	 * Counts of e-mails by outcome for a health system since a time.
	 * @param issuer the health system
	 * @param since from
	 * @return count by status
	 */
	public Map<String, Integer> counts(String issuer, Instant since) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM notify_email WHERE issuer = ? AND created_at >= ? GROUP BY status")
			.params(issuer, Timestamp.from(since))
			.query((rs, row) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

}
