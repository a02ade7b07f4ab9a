package org.kinship.groups.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.kinship.launch.MemberLaunched;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The patients whose records a cohort preview may look at: every patient who launched
 * Kinship, and every patient a caregiver launched for. No diagnosis is kept.
 */
@Component
public class KnownPatients {

	private final JdbcClient jdbc;

	KnownPatients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Remembers the patient of a launch. One upsert in its own statement: two first
	 * launches of the same person at once (two tabs, a double click) would otherwise both
	 * find no row and both insert. A deadlock or duplicate between two such upserts is
	 * tried once more; the row then exists either way.
	 * @param launch the launch
	 */
	@EventListener
	void on(MemberLaunched launch) {
		if (launch.patientId() == null || launch.fhirUser().startsWith("Practitioner")) {
			return;
		}
		try {
			remember(launch);
		}
		catch (PessimisticLockingFailureException | DuplicateKeyException ex) {
			remember(launch);
		}
	}

	private void remember(MemberLaunched launch) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO kinship_patient (issuer, patient_id, fhir_user, last_launch) VALUES (?, ?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE last_launch = ?")
			.params(launch.issuer(), launch.patientId(), launch.fhirUser(), now, now)
			.update();
	}

	/**
	 * Every member at a health system with the patient whose record counts for them.
	 * @param issuer the health system
	 * @param limit at most this many, the most recently active first
	 * @return the members
	 */
	public List<Known> at(String issuer, int limit) {
		return this.jdbc
			.sql("SELECT patient_id, fhir_user FROM kinship_patient WHERE issuer = ? ORDER BY last_launch DESC LIMIT ?")
			.params(issuer, limit)
			.query((rs, row) -> new Known(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * Forgets a person.
	 * @param issuer the health system
	 * @param fhirUser the person
	 */
	public void forget(String issuer, String fhirUser) {
		this.jdbc.sql("DELETE FROM kinship_patient WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.update();
	}

	/**
	 * A member and the patient whose record counts for them.
	 *
	 * @param patientId the patient
	 * @param fhirUser the member: the patient, or a caregiver
	 */
	public record Known(String patientId, String fhirUser) {
	}

}
