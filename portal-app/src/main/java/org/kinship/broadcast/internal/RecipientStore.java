package org.kinship.broadcast.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.kinship.broadcast.BroadcastText;
import org.kinship.broadcast.InboxEntry;
import org.kinship.broadcast.Priority;
import org.kinship.broadcast.RecipientProgress;
import org.kinship.broadcast.Tracking;
import org.kinship.groups.Cohorts.CohortMember;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who each broadcast was stored for, and how far each recipient has come with it.
 */
@Repository
public class RecipientStore {

	private static final int BATCH = 1000;

	private static final String MINE = "SELECT b.id, b.title, b.body_html, b.priority, b.sent_at, b.expires_at, "
			+ "r.delivered_at, r.seen_at, r.acknowledged_at, b.title_es, b.body_es, b.body_html_es FROM broadcast_recipient r "
			+ "JOIN broadcast b ON b.id = r.broadcast_id WHERE r.fhir_user = ? AND b.issuer = ? "
			+ "AND (b.expires_at IS NULL OR b.expires_at > ?) ";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	RecipientStore(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Stores every recipient in batches of a thousand rows.
	 * @param broadcastId the broadcast
	 * @param recipients the recipients, each once
	 */
	public void insertAll(long broadcastId, List<CohortMember> recipients) {
		for (int from = 0; from < recipients.size(); from += BATCH) {
			List<CohortMember> batch = recipients.subList(from, Math.min(recipients.size(), from + BATCH));
			this.batches.batchUpdate(
					"INSERT INTO broadcast_recipient (broadcast_id, fhir_user, patient_id) VALUES (?, ?, ?)", batch,
					batch.size(), (statement, member) -> {
						statement.setLong(1, broadcastId);
						statement.setString(2, member.fhirUser());
						statement.setString(3, member.patientId());
					});
		}
	}

	/**
	 * Counts of a broadcast's recipients.
	 * @param broadcastId the broadcast
	 * @return the counts
	 */
	public Tracking.Counts counts(long broadcastId) {
		return this.jdbc
			.sql("SELECT COUNT(*), COUNT(delivered_at), COUNT(seen_at), COUNT(acknowledged_at) "
					+ "FROM broadcast_recipient WHERE broadcast_id = ?")
			.param(broadcastId)
			.query((rs, row) -> new Tracking.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	/**
	 * Every recipient with the times they received, read and acknowledged.
	 * @param broadcastId the broadcast
	 * @return the recipients, by {@code fhirUser}
	 */
	public List<RecipientProgress> progress(long broadcastId) {
		return this.jdbc
			.sql("SELECT fhir_user, delivered_at, seen_at, acknowledged_at FROM broadcast_recipient "
					+ "WHERE broadcast_id = ? ORDER BY fhir_user")
			.param(broadcastId)
			.query((rs, row) -> new RecipientProgress(rs.getString(1), BroadcastStore.instant(rs.getTimestamp(2)),
					BroadcastStore.instant(rs.getTimestamp(3)), BroadcastStore.instant(rs.getTimestamp(4))))
			.list();
	}

	/**
	 * The broadcasts a member has, newest first: not expired.
	 * @param issuer the health system
	 * @param fhirUser the member
	 * @param now the time
	 * @param locale the member's language: each broadcast in it where it was written in
	 * it
	 * @return the broadcasts with the member's progress
	 */
	public List<InboxEntry> of(String issuer, String fhirUser, Instant now, Locale locale) {
		// sorted here: sorted in the statement, the join's rows, texts and all, went
		// through a temporary table in MariaDB on every page a member opens (a quarter
		// of a millisecond of the database's processor even with nothing to show); the
		// times read as instants, since a Timestamp costs MariaDB's driver a new Calendar
		// each
		List<InboxEntry> entries = new ArrayList<>(
				this.jdbc.sql(MINE).params(fhirUser, issuer, Timestamp.from(now)).query((rs, row) -> {
					BroadcastText spanish = BroadcastStore.spanish(rs);
					boolean translated = spanish.readBy(locale);
					return new InboxEntry(rs.getLong(1), translated ? spanish.title() : rs.getString(2),
							translated ? spanish.bodyHtml() : rs.getString(3), Priority.valueOf(rs.getString(4)),
							rs.getObject(5, Instant.class), rs.getObject(6, Instant.class),
							rs.getObject(7, Instant.class) != null, rs.getObject(8, Instant.class) != null,
							rs.getObject(9, Instant.class) != null);
				}).list());
		entries.sort(Comparator.comparing(InboxEntry::sentAt).thenComparingLong(InboxEntry::id).reversed());
		return entries;
	}

	/**
	 * Marks some broadcasts delivered to a member, when their screen shows them.
	 * @param fhirUser the member
	 * @param broadcastIds the broadcasts shown
	 * @param now the time
	 * @return how many were delivered now
	 */
	public int deliveredTo(String fhirUser, Collection<Long> broadcastIds, Instant now) {
		return this.jdbc
			.sql("UPDATE broadcast_recipient SET delivered_at = :now WHERE fhir_user = :user "
					+ "AND broadcast_id IN (:ids) AND delivered_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("user", fhirUser)
			.param("ids", broadcastIds)
			.update();
	}

	/**
	 * Marks a broadcast delivered to some of its recipients.
	 * @param broadcastId the broadcast
	 * @param fhirUsers the recipients it reached
	 * @param now the time
	 */
	public void delivered(long broadcastId, Collection<String> fhirUsers, Instant now) {
		List<String> users = new ArrayList<>(fhirUsers);
		for (int from = 0; from < users.size(); from += BATCH) {
			this.jdbc
				.sql("UPDATE broadcast_recipient SET delivered_at = :now WHERE broadcast_id = :id "
						+ "AND fhir_user IN (:users) AND delivered_at IS NULL")
				.param("now", Timestamp.from(now))
				.param("id", broadcastId)
				.param("users", users.subList(from, Math.min(users.size(), from + BATCH)))
				.update();
		}
	}

	/**
	 * The recipients of a broadcast among some members.
	 * @param broadcastId the broadcast
	 * @param fhirUsers the members
	 * @return those who are recipients
	 */
	public List<String> among(long broadcastId, Collection<String> fhirUsers) {
		List<String> users = new ArrayList<>(fhirUsers);
		List<String> found = new ArrayList<>();
		for (int from = 0; from < users.size(); from += BATCH) {
			found.addAll(this.jdbc
				.sql("SELECT fhir_user FROM broadcast_recipient WHERE broadcast_id = :id AND fhir_user IN (:users)")
				.param("id", broadcastId)
				.param("users", users.subList(from, Math.min(users.size(), from + BATCH)))
				.query(String.class)
				.list());
		}
		return found;
	}

	/**
	 * The recipients of some broadcasts who have not acknowledged them, of those not
	 * expired, with the groups each broadcast went to, in one read.
	 * @param broadcastIds the broadcasts
	 * @param now the time
	 * @return one row per recipient still to acknowledge
	 */
	public List<Unacknowledged> unacknowledged(Collection<Long> broadcastIds, Instant now) {
		if (broadcastIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT r.broadcast_id, r.fhir_user, b.audience_kind, b.group_ids FROM broadcast_recipient r "
					+ "JOIN broadcast b ON b.id = r.broadcast_id WHERE r.broadcast_id IN (:ids) "
					+ "AND r.acknowledged_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > :now)")
			.param("ids", broadcastIds)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Unacknowledged(rs.getLong(1), rs.getString(2),
					"GROUPS".equals(rs.getString(3)) ? groupIds(rs.getString(4)) : List.of()))
			.list();
	}

	private static List<Long> groupIds(String text) {
		return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(Long::valueOf).toList();
	}

	/**
	 * A recipient who has not acknowledged a broadcast.
	 *
	 * @param broadcastId the broadcast
	 * @param fhirUser the recipient
	 * @param groupIds the groups the broadcast went to; empty for a cohort
	 */
	public record Unacknowledged(long broadcastId, String fhirUser, List<Long> groupIds) {
	}

	/**
	 * Marks a broadcast seen by a recipient, and so delivered, the first time.
	 * @param broadcastId the broadcast
	 * @param fhirUser the recipient
	 * @param now the time
	 * @return whether it was the first time
	 */
	public boolean seen(long broadcastId, String fhirUser, Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc
			.sql("UPDATE broadcast_recipient SET seen_at = ?, delivered_at = COALESCE(delivered_at, ?) "
					+ "WHERE broadcast_id = ? AND fhir_user = ? AND seen_at IS NULL")
			.params(at, at, broadcastId, fhirUser)
			.update() == 1;
	}

	/**
	 * Whether a member is a recipient of a broadcast.
	 * @param broadcastId the broadcast
	 * @param fhirUser the member
	 * @return true if so
	 */
	public boolean isRecipient(long broadcastId, String fhirUser) {
		return this.jdbc.sql("SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = ? AND fhir_user = ?")
			.params(broadcastId, fhirUser)
			.query(Integer.class)
			.single() > 0;
	}

}
