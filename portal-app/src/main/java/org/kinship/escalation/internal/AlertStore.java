package org.kinship.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.escalation.AlertMode;
import org.kinship.escalation.CareTeamAlert;
import org.kinship.escalation.CareTeamAlert.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The care-team alert of each escalation: the outcome the facilitators see. The queueing
 * and retrying of the work itself is the Event Publication Registry's
 * ({@link CareTeamAlertDue}).
 */
@Repository
public class AlertStore {

	private static final int MAX_ERROR = 255;

	private static final String SELECT = "SELECT item_id, issuer, issuer_key, group_id, patient_id, topic, mode, "
			+ "status, attempts, resource, last_error, raised_at, updated_at FROM care_team_alert ";

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Alert alert) {
		this.jdbc
			.sql("INSERT INTO care_team_alert (item_id, issuer, issuer_key, group_id, patient_id, topic, mode, status, "
					+ "attempts, raised_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(alert.itemId(), alert.issuer(), alert.issuerKey(), alert.groupId(), alert.patientId(),
					alert.topic().name(), alert.mode().name(), alert.status().name(), Timestamp.from(alert.raisedAt()),
					Timestamp.from(now()))
			.update();
	}

	Optional<Alert> find(long itemId) {
		return this.jdbc.sql(SELECT + "WHERE item_id = ?").param(itemId).query(AlertStore::alert).optional();
	}

	/**
	 * The alerts of some escalations of a health system.
	 * @param issuer the health system
	 * @param itemIds the escalations
	 * @return the alerts there are
	 */
	public List<Alert> find(String issuer, Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE issuer = :issuer AND item_id IN (:items)")
			.param("issuer", issuer)
			.param("items", itemIds)
			.query(AlertStore::alert)
			.list();
	}

	void written(long itemId, int attempts, String resource) {
		update(itemId, Status.WRITTEN, attempts, resource, null);
	}

	void failed(long itemId, int attempts, String reason) {
		update(itemId, Status.FAILED, attempts, null, reason);
	}

	/**
	 * Puts a failed alert back in line, for another round of attempts.
	 * @param itemId the escalation
	 * @return whether it had failed
	 */
	boolean retryFailed(long itemId) {
		return this.jdbc.sql(
				"UPDATE care_team_alert SET status = 'PENDING', updated_at = ? WHERE item_id = ? AND status = 'FAILED'")
			.params(Timestamp.from(now()), itemId)
			.update() == 1;
	}

	private void update(long itemId, Status status, int attempts, @Nullable String resource, @Nullable String reason) {
		this.jdbc
			.sql("UPDATE care_team_alert SET status = ?, attempts = ?, resource = ?, last_error = ?, updated_at = ? "
					+ "WHERE item_id = ?")
			.params(status.name(), attempts, resource,
					(reason != null && reason.length() > MAX_ERROR) ? reason.substring(0, MAX_ERROR) : reason,
					Timestamp.from(now()), itemId)
			.update();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				Topic.valueOf(rs.getString(6)), AlertMode.valueOf(rs.getString(7)), Status.valueOf(rs.getString(8)),
				rs.getInt(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
				rs.getTimestamp(13).toInstant());
	}

	/** What an escalation was about, which the alert's words say. */
	public enum Topic {

		/** Self-harm or suicide language. */
		CRISIS,
		/** Trouble managing care: out of medicine, cannot afford it, missed treatment. */
		CARE

	}

	/**
	 * One escalation's alert.
	 *
	 * @param itemId the escalation
	 * @param issuer the health system's FHIR base URL
	 * @param issuerKey its registration key
	 * @param groupId the group
	 * @param patientId the patient, {@code null} when the author is not one
	 * @param topic what the escalation was about
	 * @param mode what is written
	 * @param status where it stands
	 * @param attempts how many times it was tried
	 * @param resource what the EHR holds, once written
	 * @param lastError why the last attempt failed
	 * @param raisedAt when the escalation was raised
	 * @param updatedAt when this last changed
	 */
	public record Alert(long itemId, String issuer, String issuerKey, long groupId, @Nullable String patientId,
			Topic topic, AlertMode mode, Status status, int attempts, @Nullable String resource,
			@Nullable String lastError, Instant raisedAt, Instant updatedAt) {

		/**
		 * The facilitators' view.
		 * @return the view
		 */
		public CareTeamAlert view() {
			return new CareTeamAlert(this.itemId, this.status, this.mode, this.attempts, this.resource,
					(this.status == Status.NOT_A_PATIENT) ? "not-a-patient" : this.lastError, this.updatedAt);
		}

	}

}
