package org.kinship.broadcast.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.WriteBackReport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The state of each Communication an urgent broadcast writes to the EHR: the record of
 * outcomes the dashboard shows, per recipient patient. The queueing and retrying of the
 * work itself is the Event Publication Registry's ({@link WriteBackDue}).
 */
@Repository
public class WriteBackStore {

	private final JdbcClient jdbc;

	WriteBackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row per distinct recipient patient, in one statement; none when the broadcast
	 * has its rows already (its write-back taken up again after a stop).
	 * @param broadcastId the broadcast
	 * @return how many patients
	 */
	int plan(long broadcastId) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM broadcast_writeback WHERE broadcast_id = ?")
			.param(broadcastId)
			.query(Integer.class)
			.single() > 0) {
			return 0;
		}
		return this.jdbc
			.sql("INSERT INTO broadcast_writeback (broadcast_id, patient_id, status, attempts, updated_at) "
					+ "SELECT DISTINCT broadcast_id, patient_id, 'PENDING', 0, ? FROM broadcast_recipient "
					+ "WHERE broadcast_id = ? AND patient_id IS NOT NULL")
			.params(Timestamp.from(Instant.now()), broadcastId)
			.update();
	}

	List<String> pending(long broadcastId) {
		return this.jdbc
			.sql("SELECT patient_id FROM broadcast_writeback WHERE broadcast_id = ? AND status = 'PENDING' "
					+ "ORDER BY patient_id")
			.param(broadcastId)
			.query(String.class)
			.list();
	}

	void done(long broadcastId, String patientId, int attempts, String communicationId) {
		update(broadcastId, patientId, "DONE", attempts, communicationId, null);
	}

	void failed(long broadcastId, String patientId, int attempts, String reason) {
		update(broadcastId, patientId, "FAILED", attempts, null, reason);
	}

	/**
	 * Puts the failed ones back in line, for another round of attempts.
	 * @param broadcastId the broadcast
	 * @return how many
	 */
	int retryFailed(long broadcastId) {
		return this.jdbc
			.sql("UPDATE broadcast_writeback SET status = 'PENDING', updated_at = ? "
					+ "WHERE broadcast_id = ? AND status = 'FAILED'")
			.params(Timestamp.from(Instant.now()), broadcastId)
			.update();
	}

	private void update(long broadcastId, String patientId, String status, int attempts,
			@Nullable String communicationId, @Nullable String reason) {
		this.jdbc
			.sql("UPDATE broadcast_writeback SET status = ?, attempts = ?, communication_id = ?, last_error = ?, "
					+ "updated_at = ? WHERE broadcast_id = ? AND patient_id = ?")
			.params(status, attempts, communicationId, reason, Timestamp.from(Instant.now()), broadcastId, patientId)
			.update();
	}

	/**
	 * The report the dashboard shows.
	 * @param broadcastId the broadcast
	 * @param enabled whether write-back is on for its health system
	 * @return the report
	 */
	public WriteBackReport report(long broadcastId, boolean enabled) {
		int[] counts = new int[3];
		this.jdbc.sql("SELECT status, COUNT(*) FROM broadcast_writeback WHERE broadcast_id = ? GROUP BY status")
			.param(broadcastId)
			.query((rs) -> {
				switch (rs.getString(1)) {
					case "DONE" -> counts[0] = rs.getInt(2);
					case "PENDING" -> counts[1] = rs.getInt(2);
					default -> counts[2] = rs.getInt(2);
				}
			});
		List<WriteBackReport.Failure> failures = this.jdbc
			.sql("SELECT patient_id, last_error, attempts FROM broadcast_writeback "
					+ "WHERE broadcast_id = ? AND status = 'FAILED' ORDER BY patient_id LIMIT 200")
			.param(broadcastId)
			.query((rs, row) -> new WriteBackReport.Failure("Patient/" + rs.getString(1), rs.getString(2),
					rs.getInt(3)))
			.list();
		return new WriteBackReport(enabled, counts[0], counts[1], counts[2], failures);
	}

}
