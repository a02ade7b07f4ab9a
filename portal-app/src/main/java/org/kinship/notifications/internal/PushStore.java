package org.kinship.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pushes waiting for the push service, or done with it: one per subscription of the
 * member an e-mail is for, stored in the transaction that stores the e-mail (so a push is
 * planned exactly when its e-mail is, and once: one row per subscription and e-mail), and
 * marked once the push service has answered.
 */
@Repository
class PushStore {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String DROPPED = "DROPPED";

	static final String FAILED = "FAILED";

	private static final String INSERT = "INSERT INTO notify_push (subscription_id, email_id, status, attempts, "
			+ "next_attempt_at, created_at) SELECT s.id, e.id, 'PENDING', 0, ?, ? FROM notify_email e "
			+ "JOIN notify_push_subscription s ON s.issuer = e.issuer AND s.fhir_user = e.fhir_user ";

	private final JdbcClient jdbc;

	PushStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the pushes of one e-mail of immediate notices, in the caller's transaction.
	 * @param emailId the e-mail
	 * @param now when
	 */
	void withNotice(long emailId, Instant now) {
		this.jdbc.sql(INSERT + "WHERE e.id = ?").params(Timestamp.from(now), Timestamp.from(now), emailId).update();
	}

	/**
	 * Stores the pushes of the digests made at one time, in one statement whatever the
	 * number of members, in the caller's transaction.
	 * @param now when the digests were made
	 */
	void withDigests(Instant now) {
		this.jdbc
			.sql(INSERT + "WHERE e.kind = 'DIGEST' AND e.created_at BETWEEN ? AND ? "
					+ "AND NOT EXISTS (SELECT 1 FROM notify_push p WHERE p.email_id = e.id)")
			// the stored time has milliseconds, rounded or cut by the database
			.params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.minusMillis(1)),
					Timestamp.from(now.plusMillis(1)))
			.update();
	}

	/**
	 * Pushes due to be tried, with their subscription and e-mail.
	 * @param now the time
	 * @param limit at most this many
	 * @return the pushes, oldest first
	 */
	List<Push> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT p.id, p.attempts, s.id, s.endpoint, s.p256dh, s.auth, e.id, e.issuer, e.fhir_user, e.kind, "
					+ "e.summary FROM notify_push p JOIN notify_push_subscription s ON s.id = p.subscription_id "
					+ "JOIN notify_email e ON e.id = p.email_id WHERE p.status = 'PENDING' AND p.next_attempt_at <= ? "
					+ "ORDER BY p.id LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new Push(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6),
					new Email(rs.getLong(7), rs.getString(8), rs.getString(9), Email.Kind.valueOf(rs.getString(10)),
							rs.getString(11), 0)))
			.list();
	}

	/**
	 * Marks pushes with an outcome in one write.
	 * @param ids the pushes
	 * @param status {@code SENT} or {@code DROPPED}
	 */
	void mark(Collection<Long> ids, String status) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE notify_push SET status = :status, attempts = attempts + 1 WHERE id IN (:ids)")
				.param("status", status)
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Records a failed try.
	 * @param id the push
	 * @param status {@code PENDING} to try again at {@code next}, or {@code FAILED}
	 * @param next when to try again
	 * @param error what went wrong, short
	 */
	void failed(long id, String status, Instant next, String error) {
		this.jdbc
			.sql("UPDATE notify_push SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
					+ "WHERE id = ?")
			.params(status, Timestamp.from(next), error, id)
			.update();
	}

	/**
	 * A push with what it needs to be sent.
	 *
	 * @param id the stored id
	 * @param attempts tries so far
	 * @param subscriptionId the subscription
	 * @param endpoint the push service's URL for the browser
	 * @param p256dh the browser's public key (base64url)
	 * @param auth the browser's authentication secret (base64url)
	 * @param email the e-mail it goes with
	 */
	record Push(long id, int attempts, long subscriptionId, String endpoint, String p256dh, String auth, Email email) {
	}

}
