package org.kinship.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

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
		insert(List.of(Stamped.now(entry)));
	}

	/**
	 * Records entries in the caller's transaction, so that they commit, or roll back,
	 * with the work they describe; for work written in batches, where one transaction per
	 * entry would cost a commit each.
	 * @param entries what happened, each with the correlation id of the request it came
	 * from
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Stamped> entries) {
		if (!entries.isEmpty()) {
			insert(entries);
		}
	}

	private void insert(List<Stamped> entries) {
		this.jdbc
			.sql("INSERT INTO audit_event (occurred_at, issuer, actor, patient_ref, action, resource_types, outcome, "
					+ "correlation_id) VALUES "
					+ String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?, ?, ?)")))
			.params(entries.stream().flatMap(AuditLog::columns).toList())
			.update();
	}

	private static Stream<Object> columns(Stamped stamped) {
		AuditEntry entry = stamped.entry();
		return Stream.of(Timestamp.from(stamped.at()), clip(entry.issuer()), clip(entry.actor()), clip(entry.patient()),
				entry.action().name(), clip(entry.resourceTypes()), clip(entry.outcome()), stamped.correlationId());
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

	/**
	 * An entry with the time and correlation id of the request it describes, kept for a
	 * batch written later on another thread.
	 *
	 * @param entry what happened
	 * @param at when
	 * @param correlationId the request's correlation id
	 */
	public record Stamped(AuditEntry entry, Instant at, String correlationId) {

		/**
		 * Stamps an entry with the current time and the current request's correlation id.
		 * @param entry what happened
		 * @return the stamped entry
		 */
		public static Stamped now(AuditEntry entry) {
			return new Stamped(entry, Instant.now(), CorrelationId.current());
		}

	}

	private static String clip(String value) {
		return (value == null || value.length() <= MAX_TEXT) ? value : value.substring(0, MAX_TEXT);
	}

}
