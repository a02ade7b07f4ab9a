package org.kinship.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatMessage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored messages, their per-group sequence and the members' read markers.
 */
@Repository
public class MessageStore {

	/** Delivered to members. */
	public static final String VISIBLE = "VISIBLE";

	/** Held by screening for review; not delivered. */
	public static final String HELD = "HELD";

	/** Deleted by its author or a moderator; shown as a tombstone. */
	public static final String DELETED = "DELETED";

	private static final String SELECT = "SELECT id, group_id, seq, author_name, client_id, body_html, reply_to, "
			+ "created_at, edited_at, status FROM chat_message ";

	private final JdbcClient jdbc;

	MessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the group's next sequence number. The row lock this takes is held until the
	 * transaction ends, so a group's messages commit in sequence order. Must run in a
	 * transaction.
	 * @param groupId the group
	 * @return the new sequence number
	 */
	public long nextSeq(long groupId) {
		int updated = this.jdbc.sql("UPDATE group_sequence SET last_seq = last_seq + 1 WHERE group_id = ?")
			.param(groupId)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO group_sequence (group_id, last_seq) VALUES (?, 1)").param(groupId).update();
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// another first message got there first; take the next number after it
				return nextSeq(groupId);
			}
		}
		return lastSeq(groupId);
	}

	/**
	 * The last sequence number given out in a group.
	 * @param groupId the group
	 * @return the number, {@code 0} before the first message
	 */
	public long lastSeq(long groupId) {
		return this.jdbc.sql("SELECT last_seq FROM group_sequence WHERE group_id = ?")
			.param(groupId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Stores a message.
	 * @param message the message (its id is ignored)
	 * @param author the author's {@code fhirUser}
	 * @param body the Markdown as typed
	 * @param status {@link #VISIBLE} or {@link #HELD}
	 * @return the stored message with its id
	 */
	public ChatMessage insert(ChatMessage message, String author, String body, String status) {
		this.jdbc
			.sql("INSERT INTO chat_message (group_id, seq, author, author_name, client_id, body, body_html, "
					+ "reply_to, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.groupId(), message.seq(), author, message.author(), message.clientId(), body,
					message.html(), message.replyTo(), status, Timestamp.from(message.createdAt()))
			.update();
		long id = this.jdbc.sql("SELECT id FROM chat_message WHERE group_id = ? AND seq = ?")
			.params(message.groupId(), message.seq())
			.query(Long.class)
			.single();
		return new ChatMessage(id, message.groupId(), message.seq(), message.author(), message.clientId(),
				message.html(), message.replyTo(), message.createdAt(), false, false);
	}

	/**
	 * A message the author sent before under the same client id.
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param clientId the author's id for the message
	 * @return the message and whether it is held
	 */
	public Optional<Stored> findByClientId(long groupId, String author, String clientId) {
		return this.jdbc.sql(SELECT + "WHERE group_id = ? AND author = ? AND client_id = ?")
			.params(groupId, author, clientId)
			.query((rs, row) -> new Stored(message(rs), rs.getString(10)))
			.optional();
	}

	/**
	 * Whether a message exists in a group, so that a reply cannot point elsewhere.
	 * @param groupId the group
	 * @param id the message
	 * @return true if it is there and not held
	 */
	public boolean exists(long groupId, long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE group_id = ? AND id = ? AND status <> 'HELD'")
			.params(groupId, id)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Delivered messages after a sequence number, oldest first.
	 * @param groupId the group
	 * @param afterSeq the last sequence number the client saw
	 * @param limit at most this many
	 * @return the messages
	 */
	public List<ChatMessage> after(long groupId, long afterSeq, int limit) {
		return this.jdbc.sql(SELECT + "WHERE group_id = ? AND seq > ? AND status <> 'HELD' ORDER BY seq LIMIT ?")
			.params(groupId, afterSeq, limit)
			.query((rs, row) -> message(rs))
			.list();
	}

	/**
	 * Delivered messages before a sequence number, oldest first.
	 * @param groupId the group
	 * @param beforeSeq the oldest sequence number the client has
	 * @param limit at most this many
	 * @return the messages
	 */
	public List<ChatMessage> before(long groupId, long beforeSeq, int limit) {
		List<ChatMessage> newestFirst = this.jdbc
			.sql(SELECT + "WHERE group_id = ? AND seq < ? AND status <> 'HELD' ORDER BY seq DESC LIMIT ?")
			.params(groupId, beforeSeq, limit)
			.query((rs, row) -> message(rs))
			.list();
		List<ChatMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/**
	 * How far a member has read.
	 * @param groupId the group
	 * @param member the member
	 * @return the last sequence number read, {@code 0} if none
	 */
	public long lastRead(long groupId, String member) {
		return this.jdbc.sql("SELECT last_read_seq FROM read_marker WHERE group_id = ? AND member = ?")
			.params(groupId, member)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Moves a member's read marker forward, never back.
	 * @param groupId the group
	 * @param member the member
	 * @param seq the last sequence number read
	 */
	public void markRead(long groupId, String member, long seq) {
		int updated = this.jdbc
			.sql("UPDATE read_marker SET last_read_seq = ? WHERE group_id = ? AND member = ? AND last_read_seq < ?")
			.params(seq, groupId, member, seq)
			.update();
		if (updated == 0 && lastReadMissing(groupId, member)) {
			try {
				this.jdbc.sql("INSERT INTO read_marker (group_id, member, last_read_seq) VALUES (?, ?, ?)")
					.params(groupId, member, seq)
					.update();
			}
			catch (DuplicateKeyException ex) {
				markRead(groupId, member, seq);
			}
		}
	}

	private boolean lastReadMissing(long groupId, String member) {
		return this.jdbc.sql("SELECT COUNT(*) FROM read_marker WHERE group_id = ? AND member = ?")
			.params(groupId, member)
			.query(Integer.class)
			.single() == 0;
	}

	private static ChatMessage message(ResultSet rs) throws SQLException {
		boolean deleted = DELETED.equals(rs.getString(10));
		Timestamp edited = rs.getTimestamp(9);
		return new ChatMessage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				deleted ? "" : rs.getString(6), nullableLong(rs, 7), rs.getTimestamp(8).toInstant(), edited != null,
				deleted);
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * A stored message with its status.
	 *
	 * @param message the message
	 * @param status its status
	 */
	public record Stored(ChatMessage message, String status) {
	}

}
