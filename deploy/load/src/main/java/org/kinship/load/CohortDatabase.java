package org.kinship.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The broadcast benchmark's own look into Kinship's database: the sandbox can launch only
 * a few dozen people, so the rest of a large cohort is seeded as rows of members of the
 * group, as joining would store them, and what a send and the acknowledgements stored is
 * counted where Kinship keeps it. Only for a database made for the run.
 */
final class CohortDatabase implements AutoCloseable {

	private static final int BATCH = 1000;

	private final Connection connection;

	CohortDatabase(String url, String user, String password) throws SQLException {
		this.connection = DriverManager.getConnection(url, user, password);
	}

	/**
	 * Seats members who never launched in a group: an active membership each, and the
	 * patient record it counts for, as a first launch and joining would store them.
	 * @param groupId the group
	 * @param count how many
	 * @return how long it took, in milliseconds
	 */
	long seed(long groupId, int count) throws SQLException {
		long start = System.nanoTime();
		String issuer = issuerOf(groupId);
		Timestamp now = Timestamp.from(Instant.now());
		this.connection.setAutoCommit(false);
		try (PreparedStatement members = this.connection
			.prepareStatement("INSERT INTO group_member (group_id, fhir_user, display_name, display_name_key, "
					+ "caregiver_badge, clinician_badge, status, guidelines_accepted_at, joined_at) "
					+ "VALUES (?, ?, ?, ?, FALSE, FALSE, 'ACTIVE', ?, ?)");
				PreparedStatement patients = this.connection.prepareStatement(
						"INSERT INTO kinship_patient (issuer, patient_id, fhir_user, last_launch) VALUES (?, ?, ?, ?)")) {
			for (int index = 1; index <= count; index++) {
				String patient = String.format(Locale.ROOT, "bench-cohort-%05d", index);
				String name = String.format(Locale.ROOT, "Cohort member %05d", index);
				members.setLong(1, groupId);
				members.setString(2, "Patient/" + patient);
				members.setString(3, name);
				members.setString(4, name.toLowerCase(Locale.ROOT));
				members.setTimestamp(5, now);
				members.setTimestamp(6, now);
				members.addBatch();
				patients.setString(1, issuer);
				patients.setString(2, patient);
				patients.setString(3, "Patient/" + patient);
				patients.setTimestamp(4, now);
				patients.addBatch();
				if (index % BATCH == 0 || index == count) {
					members.executeBatch();
					patients.executeBatch();
				}
			}
			this.connection.commit();
		}
		finally {
			this.connection.setAutoCommit(true);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * Active members of a group.
	 * @param groupId the group
	 * @return the count
	 */
	int members(long groupId) throws SQLException {
		return count("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND status = 'ACTIVE'", groupId);
	}

	/**
	 * Recipient rows stored, committed, for a broadcast.
	 * @param broadcastId the broadcast
	 * @return the count
	 */
	int recipients(long broadcastId) throws SQLException {
		return count("SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = ?", broadcastId);
	}

	/**
	 * Recipients of a broadcast marked delivered.
	 * @param broadcastId the broadcast
	 * @return the count
	 */
	int delivered(long broadcastId) throws SQLException {
		return count("SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = ? AND delivered_at IS NOT NULL",
				broadcastId);
	}

	/**
	 * Acknowledgements recorded for some broadcasts.
	 * @param broadcastIds the broadcasts
	 * @return the count
	 */
	int acknowledged(Collection<Long> broadcastIds) throws SQLException {
		String ids = broadcastIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		try (PreparedStatement query = this.connection.prepareStatement("SELECT COUNT(*) FROM broadcast_recipient "
				+ "WHERE acknowledged_at IS NOT NULL AND broadcast_id IN (" + ids + ")");
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/**
	 * The newest broadcast's id.
	 * @return the id, {@code 0} when there is none
	 */
	long newestBroadcast() throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM broadcast");
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private String issuerOf(long groupId) throws SQLException {
		try (PreparedStatement query = this.connection
			.prepareStatement("SELECT issuer FROM community_group WHERE id = ?")) {
			query.setLong(1, groupId);
			try (ResultSet rows = query.executeQuery()) {
				if (!rows.next()) {
					throw new SQLException("No group " + groupId);
				}
				return rows.getString(1);
			}
		}
	}

	private int count(String sql, long id) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement(sql)) {
			query.setLong(1, id);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
