package org.kinship.groups.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.kinship.launch.MemberLaunched;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	@EventListener
	@Transactional
	void on(MemberLaunched launch) {
		if (launch.patientId() == null || launch.fhirUser().startsWith("Practitioner")) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc
			.sql("UPDATE kinship_patient SET last_launch = ? WHERE issuer = ? AND patient_id = ? AND fhir_user = ?")
			.params(now, launch.issuer(), launch.patientId(), launch.fhirUser())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO kinship_patient (issuer, patient_id, fhir_user, last_launch) VALUES (?, ?, ?, ?)")
				.params(launch.issuer(), launch.patientId(), launch.fhirUser(), now)
				.update();
		}
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
