package org.kinship.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of what happened, written in the events' own transactions. */
@Repository
public class ActivityStore {

	private final JdbcClient jdbc;

	ActivityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps an activity, in the caller's transaction.
	 * @param activity the activity (its id is ignored)
	 */
	public void insert(Activity activity) {
		this.jdbc
			.sql("INSERT INTO notify_activity (issuer, group_id, kind, message_id, actor_name, recipient, reply_to, "
					+ "mentions, urgent, created_at, subject_id, due_at, planned) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)")
			.params(activity.issuer(), activity.groupId(), activity.kind().name(), activity.messageId(),
					activity.actorName(), activity.recipient(), activity.replyTo(),
					String.join("\n", activity.mentions()), activity.urgent(), Timestamp.from(activity.createdAt()),
					activity.subjectId(), (activity.dueAt() != null) ? Timestamp.from(activity.dueAt()) : null)
			.update();
	}

	/**
	 * The oldest activities not yet planned and due, locked until the caller's
	 * transaction ends.
	 * @param now the time: an activity held back until later is not due yet
	 * @param limit at most this many
	 * @return the activities, oldest first
	 */
	public List<Activity> unplanned(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id, issuer, group_id, kind, message_id, actor_name, recipient, reply_to, mentions, urgent, "
					+ "created_at, subject_id, due_at FROM notify_activity WHERE planned = FALSE "
					+ "AND (due_at IS NULL OR due_at <= ?) ORDER BY id LIMIT ? FOR UPDATE")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new Activity(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
					Activity.Kind.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getString(6),
					rs.getString(7), rs.getObject(8, Long.class), mentions(rs.getString(9)), rs.getBoolean(10),
					rs.getTimestamp(11).toInstant(), rs.getObject(12, Long.class), instant(rs.getTimestamp(13))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Marks activities planned.
	 * @param ids the activities
	 */
	public void planned(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE notify_activity SET planned = TRUE WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/**
	 * When messages were posted in each group over a time, in one read, for digests.
	 * @param from after this
	 * @param until up to this
	 * @return group id and time pairs
	 */
	public List<Posted> messagesBetween(Instant from, Instant until) {
		return this.jdbc
			.sql("SELECT group_id, issuer, created_at FROM notify_activity WHERE kind = 'MESSAGE' "
					+ "AND created_at > ? AND created_at <= ?")
			.params(Timestamp.from(from), Timestamp.from(until))
			.query((rs, row) -> new Posted(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	private static List<String> mentions(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split("\n"));
	}

	/**
	 * A message posted.
	 *
	 * @param groupId the group
	 * @param issuer the health system
	 * @param at when
	 */
	public record Posted(long groupId, String issuer, Instant at) {
	}

}
