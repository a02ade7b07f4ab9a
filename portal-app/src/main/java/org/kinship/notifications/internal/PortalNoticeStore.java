package org.kinship.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices for the portal's message centre, stored with the batching of the member's
 * notices and marked once the EHR has taken them: counts only, never text.
 */
@Repository
public class PortalNoticeStore {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	private final JdbcClient jdbc;

	PortalNoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a notice, in the caller's transaction.
	 * @param contact the member
	 * @param patientId the patient the notice is for
	 * @param counts how many notices of each kind
	 * @param now when
	 */
	void insert(Contact contact, String patientId, Map<Item.Kind, Integer> counts, Instant now) {
		String summary = counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey().name() + ":" + entry.getValue())
			.collect(Collectors.joining(","));
		this.jdbc
			.sql("INSERT INTO notify_portal (issuer, issuer_key, patient_id, locale, counts, status, attempts, "
					+ "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
			.params(contact.issuer(), contact.issuerKey(), patientId, contact.locale().toLanguageTag(), summary,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * Notices due to be written.
	 * @param now the time
	 * @param limit at most this many
	 * @return the notices, oldest first
	 */
	List<PortalNotice> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id, issuer_key, patient_id, locale, counts, attempts, created_at FROM notify_portal "
					+ "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new PortalNotice(rs.getLong(1), rs.getString(2), rs.getString(3),
					Locale.forLanguageTag(rs.getString(4)), counts(rs.getString(5)), rs.getInt(6),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * Marks a notice written.
	 * @param id the notice
	 * @param resourceId the Communication's id in the EHR
	 */
	void sent(long id, String resourceId) {
		this.jdbc.sql("UPDATE notify_portal SET status = 'SENT', attempts = attempts + 1, resource_id = ? WHERE id = ?")
			.params(resourceId, id)
			.update();
	}

	/**
	 * Records a failed try.
	 * @param id the notice
	 * @param status {@code PENDING} to try again at {@code next}, or {@code FAILED}
	 * @param next when to try again
	 * @param error what went wrong, short
	 */
	void failed(long id, String status, Instant next, String error) {
		this.jdbc
			.sql("UPDATE notify_portal SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
					+ "WHERE id = ?")
			.params(status, Timestamp.from(next), error, id)
			.update();
	}

	private static Map<Item.Kind, Integer> counts(String summary) {
		Map<Item.Kind, Integer> counts = new EnumMap<>(Item.Kind.class);
		for (String pair : summary.split(",")) {
			int colon = pair.indexOf(':');
			if (colon > 0) {
				counts.put(Item.Kind.valueOf(pair.substring(0, colon)), Integer.parseInt(pair.substring(colon + 1)));
			}
		}
		return counts;
	}

	/**
	 * A notice for the message centre.
	 *
	 * @param id the stored id
	 * @param issuerKey the health system's registration key
	 * @param patientId the patient
	 * @param locale the member's language
	 * @param counts how many notices of each kind
	 * @param attempts tries so far
	 * @param createdAt when it was made
	 */
	record PortalNotice(long id, String issuerKey, String patientId, Locale locale, Map<Item.Kind, Integer> counts,
			int attempts, Instant createdAt) {
	}

	/**
	 * Counts of the message centre's notices by outcome for a health system since a time.
	 * @param issuer the health system
	 * @param since from
	 * @return count by status
	 */
	public Map<String, Integer> counts(String issuer, Instant since) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM notify_portal WHERE issuer = ? AND created_at >= ? GROUP BY status")
			.params(issuer, Timestamp.from(since))
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

}
