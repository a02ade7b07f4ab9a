package org.kinship.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit log. Entries are only ever inserted; there is no update or delete.
 */
@Component
public class AuditLog {

	private static final int MAX_TEXT = 255;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an entry in its own transaction, so that it stays even when the work it
	 * describes is rolled back.
	 * @param entry what happened
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(AuditEntry entry) {
		this.jdbc
			.sql("INSERT INTO audit_event (occurred_at, issuer, actor, patient_ref, action, resource_types, outcome, "
					+ "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(java.sql.Timestamp.from(Instant.now()), clip(entry.issuer()), clip(entry.actor()),
					clip(entry.patient()), entry.action().name(), clip(entry.resourceTypes()), clip(entry.outcome()),
					CorrelationId.current())
			.update();
	}

	/**
	 * The latest entries for an issuer, newest first, for operators and tests.
	 * @param issuer the EHR's FHIR base URL
	 * @param limit how many at most
	 * @return the entries
	 */
	public List<AuditEntry> latest(String issuer, int limit) {
		return this.jdbc
			.sql("SELECT issuer, actor, patient_ref, action, resource_types, outcome FROM audit_event "
					+ "WHERE issuer = ? ORDER BY id DESC LIMIT ?")
			.params(issuer, limit)
			.query((rs, row) -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3),
					AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static String clip(String value) {
		return (value == null || value.length() <= MAX_TEXT) ? value : value.substring(0, MAX_TEXT);
	}

}
