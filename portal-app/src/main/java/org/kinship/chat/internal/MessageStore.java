package org.kinship.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.MessageForReview;
import org.kinship.chat.Treatment;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored messages, their per-group sequence and the members' read markers.
 */
@Repository
public class MessageStore {

	/**
	 * Past this many, a member is no longer new to a group for any setting (at most 100).
	 */
	static final int PUBLISHED_COUNTED = 101;

	/** Delivered to members. */
	public static final String VISIBLE = "VISIBLE";

	/** Held by screening for review; not delivered. */
	public static final String HELD = "HELD";

	/** Deleted by its author or a moderator; shown as a tombstone. */
	public static final String DELETED = "DELETED";

	/** Hidden by members' flags or a facilitator until reviewed; shown as a tombstone. */
	public static final String HIDDEN = "HIDDEN";

	/** Held, then rejected by a facilitator; never delivered. */
	public static final String REJECTED = "REJECTED";

	/** Statuses never delivered to members. */
	private static final String UNDELIVERED = "('HELD', 'REJECTED')";

	/** Statuses shown as removed to members. */
	private static final java.util.Set<String> REMOVED = java.util.Set.of(DELETED, HIDDEN, REJECTED);

	/**
	 * A message's columns, the message it answers (as {@code q}), how many delivered
	 * replies its thread has and the treatment it is tagged with (as {@code t}).
	 */
	private static final String COLUMNS = "m.id, m.group_id, m.seq, m.author_name, m.client_id, m.body_html, "
			+ "m.reply_to, m.created_at, m.edited_at, m.status, m.mentions, m.thread_root, q.author_name, q.body, "
			+ "q.status, (SELECT COUNT(*) FROM chat_message r WHERE r.thread_root = m.id AND r.status = 'VISIBLE'), "
			+ "t.rxcui, t.name, t.name_es";

	private static final String FROM = " FROM chat_message m LEFT JOIN chat_message q ON q.id = m.reply_to "
			+ "LEFT JOIN message_treatment t ON t.message_id = m.id ";

	private static final String SELECT = "SELECT " + COLUMNS + FROM;

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
		// one statement for a group's first message and every later one: an UPDATE
		// that finds no row locks the gap where the row would go, and the first
		// messages of two new groups at once deadlocked on each other's gaps
		this.jdbc
			.sql("INSERT INTO group_sequence (group_id, last_seq) VALUES (?, 1) "
					+ "ON DUPLICATE KEY UPDATE last_seq = last_seq + 1")
			.param(groupId)
			.update();
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
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO chat_message (group_id, seq, author, author_name, client_id, body, body_html, "
				+ "reply_to, thread_root, mentions, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.groupId(), message.seq(), author, message.author(), message.clientId(), body,
					message.html(), message.replyTo(), message.threadRoot(), String.join("\n", message.mentions()),
					status, Timestamp.from(message.createdAt()))
			.update(keys, "id");
		Number key = keys.getKey();
		if (key == null) {
			throw new IllegalStateException("The database gave no id for a stored message");
		}
		long id = key.longValue();
		Treatment treatment = message.treatment();
		if (treatment != null) {
			this.jdbc.sql("INSERT INTO message_treatment (message_id, rxcui, name, name_es) VALUES (?, ?, ?, ?)")
				.params(id, treatment.rxcui(), treatment.name(), treatment.nameEs())
				.update();
		}
		return new ChatMessage(id, message.groupId(), message.seq(), message.author(), message.clientId(),
				message.html(), message.replyTo(), message.createdAt(), false, false, message.mentions(), Map.of(),
				message.quote(), message.threadRoot(), 0, treatment);
	}

	/**
	 * A message the author sent before under the same client id.
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param clientId the author's id for the message
	 * @return the message and whether it is held
	 */
	public Optional<Stored> findByClientId(long groupId, String author, String clientId) {
		return this.jdbc.sql(SELECT + "WHERE m.group_id = ? AND m.author = ? AND m.client_id = ?")
			.params(groupId, author, clientId)
			.query((rs, row) -> new Stored(message(rs), rs.getString(10)))
			.optional();
	}

	/**
	 * How many of a member's messages in a group were published (held and deleted ones
	 * not counted), for the new-member rule of screening, counted up to
	 * {@value #PUBLISHED_COUNTED}: that rule holds at most 100 first posts, and a member
	 * with thousands of messages is not counted through again at each send.
	 * @param groupId the group
	 * @param author the member
	 * @return the count, at most {@value #PUBLISHED_COUNTED}
	 */
	public int published(long groupId, String author) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM chat_message WHERE group_id = ? AND author = ? "
					+ "AND status = 'VISIBLE' LIMIT " + PUBLISHED_COUNTED + ") counted")
			.params(groupId, author)
			.query(Integer.class)
			.single();
	}

	/**
	 * When a member last stored a message in a group (held ones included), for slow mode:
	 * read from the database, so that every node judges alike. A locking read, so that it
	 * sees the latest committed messages rather than the transaction's snapshot (MariaDB
	 * and MySQL read a snapshot taken at the transaction's first read otherwise). Must
	 * run in a transaction.
	 * @param groupId the group
	 * @param author the member
	 * @return the time, or empty before their first message
	 */
	public Optional<java.time.Instant> lastPostedAt(long groupId, String author) {
		return this.jdbc
			.sql("SELECT created_at FROM chat_message WHERE group_id = ? AND author = ? "
					+ "ORDER BY created_at DESC LIMIT 1")
			.params(groupId, author)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * The first and last sequence numbers of the messages stored in a time span.
	 * @param groupId the group
	 * @param from the start, included
	 * @param to the end, excluded
	 * @return the two numbers, or empty when nothing was stored then
	 */
	public Optional<long[]> seqRange(long groupId, java.time.Instant from, java.time.Instant to) {
		return this.jdbc.sql(
				"SELECT MIN(seq), MAX(seq) FROM chat_message WHERE group_id = ? AND created_at >= ? AND created_at < ?")
			.params(groupId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> {
				long first = rs.getLong(1);
				return rs.wasNull() ? null : new long[] { first, rs.getLong(2) };
			})
			.optional();
	}

	/**
	 * The delivered messages of a group whose ids are given, in the order given.
	 * @param groupId the group
	 * @param ids the messages
	 * @return those that are in the group and not held or deleted
	 */
	public List<ChatMessage> visible(long groupId, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", ids.stream().map(String::valueOf).toList());
		Map<Long, ChatMessage> byId = new java.util.HashMap<>();
		this.jdbc.sql(SELECT + "WHERE m.group_id = ? AND m.status = 'VISIBLE' AND m.id IN (" + in + ")")
			.param(groupId)
			.query((rs, row) -> message(rs))
			.list()
			.forEach((message) -> byId.put(message.id(), message));
		return withReactions(ids.stream().filter(byId::containsKey).map(byId::get).toList());
	}

	/**
	 * The authors of several messages, in one read.
	 * @param ids the messages
	 * @return each message's author ({@code fhirUser}) by its id
	 */
	public java.util.Map<Long, String> authors(java.util.Collection<Long> ids) {
		java.util.Map<Long, String> authors = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, author FROM chat_message WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, row) -> authors.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return authors;
	}

	/**
	 * Whether a message exists in a group, so that a reply cannot point elsewhere.
	 * @param groupId the group
	 * @param id the message
	 * @return true if it is there and not held
	 */
	public boolean exists(long groupId, long id) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM chat_message WHERE group_id = ? AND id = ? AND status NOT IN " + UNDELIVERED)
			.params(groupId, id)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The first delivered message of each of some people in a group.
	 * @param groupId the group
	 * @param authors the people's {@code fhirUser}s
	 * @return the id of each one's first delivered message, by {@code fhirUser}; those
	 * who have none are left out
	 */
	public Map<String, Long> firstVisible(long groupId, java.util.Collection<String> authors) {
		if (authors.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> first = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT author, MIN(id) FROM chat_message WHERE group_id = :group AND status = :visible "
					+ "AND author IN (:authors) GROUP BY author")
			.param("group", groupId)
			.param("visible", VISIBLE)
			.param("authors", authors)
			.query((rs) -> {
				first.put(rs.getString(1), rs.getLong(2));
			});
		return first;
	}

	/**
	 * One message by id, with its author and status.
	 * @param groupId the group
	 * @param id the message
	 * @return the message, its author's {@code fhirUser} and its status
	 */
	public Optional<Owned> find(long groupId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + ", m.author" + FROM + "WHERE m.group_id = ? AND m.id = ?")
			.params(groupId, id)
			.query((rs, row) -> new Owned(message(rs), rs.getString(20), rs.getString(10)))
			.optional()
			.map((owned) -> new Owned(withReactions(List.of(owned.message())).get(0), owned.author(), owned.status()));
	}

	/**
	 * Replaces a message's text, keeping the earlier version for moderators.
	 * @param id the message
	 * @param body the new Markdown
	 * @param html the new HTML
	 * @param mentions the names it now mentions
	 */
	public void edit(long id, String body, String html, List<String> mentions) {
		int version = this.jdbc.sql("SELECT COUNT(*) FROM message_version WHERE message_id = ?")
			.param(id)
			.query(Integer.class)
			.single() + 1;
		Timestamp now = Timestamp.from(java.time.Instant.now());
		this.jdbc
			.sql("INSERT INTO message_version (message_id, version, body, replaced_at) "
					+ "SELECT id, ?, body, ? FROM chat_message WHERE id = ?")
			.params(version, now, id)
			.update();
		this.jdbc.sql("UPDATE chat_message SET body = ?, body_html = ?, mentions = ?, edited_at = ? WHERE id = ?")
			.params(body, html, String.join("\n", mentions), now, id)
			.update();
	}

	/**
	 * Deletes a message softly: its row and versions stay for moderators, members see a
	 * tombstone.
	 * @param id the message
	 */
	public void delete(long id) {
		setStatus(id, DELETED);
	}

	/**
	 * Changes a message's status, for moderators' decisions.
	 * @param id the message
	 * @param status the new status
	 */
	public void setStatus(long id, String status) {
		if (DELETED.equals(status)) {
			this.jdbc.sql("UPDATE chat_message SET status = ?, deleted_at = ? WHERE id = ?")
				.params(status, Timestamp.from(java.time.Instant.now()), id)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE chat_message SET status = ? WHERE id = ?").params(status, id).update();
		}
	}

	/**
	 * Deletes up to {@code limit} messages posted before {@code cutoff}, with their
	 * earlier versions, reactions and pins; the group's sequence goes on from where it
	 * was. Must run in a transaction: the rows are found with a plain read, so only those
	 * deleted are locked.
	 * @param cutoff the moment before which messages go
	 * @param limit the most to delete
	 * @return how many were deleted
	 */
	public int deletePostedBefore(Instant cutoff, int limit) {
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM chat_message WHERE created_at < ? ORDER BY created_at LIMIT " + limit)
			.param(Timestamp.from(cutoff))
			.query(Long.class)
			.list();
		return ids.isEmpty() ? 0
				: this.jdbc.sql("DELETE FROM chat_message WHERE id IN (:ids)").param("ids", ids).update();
	}

	/**
	 * Empties the text of up to {@code limit} messages deleted before {@code cutoff}
	 * (those deleted before the time was recorded count from when they were posted) and
	 * removes their earlier versions; the rows stay, as tombstones. Must run in a
	 * transaction.
	 * @param cutoff the moment before which deleted messages lose their text
	 * @param limit the most to purge
	 * @return how many were purged
	 */
	public int purgeTextDeletedBefore(Instant cutoff, int limit) {
		Timestamp before = Timestamp.from(cutoff);
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM chat_message WHERE status = 'DELETED' AND body <> '' AND (deleted_at < ? "
					+ "OR (deleted_at IS NULL AND created_at < ?)) ORDER BY id LIMIT " + limit)
			.params(before, before)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("DELETE FROM message_version WHERE message_id IN (:ids)").param("ids", ids).update();
		return this.jdbc.sql("UPDATE chat_message SET body = '', body_html = '', mentions = '' WHERE id IN (:ids)")
			.param("ids", ids)
			.update();
	}

	/**
	 * Publishes a held message at the end of the discussion: it takes the group's next
	 * sequence number, so that members who are up to date get it live and the others by
	 * catch-up. Must run in a transaction.
	 * @param groupId the group
	 * @param id the message
	 */
	public void release(long groupId, long id) {
		this.jdbc.sql("UPDATE chat_message SET status = 'VISIBLE', seq = ? WHERE id = ?")
			.params(nextSeq(groupId), id)
			.update();
	}

	/**
	 * A message as moderators see it: the text as typed, and its earlier versions.
	 * @param groupId the group
	 * @param id the message
	 * @return the message, or empty when it is not in the group
	 */
	public Optional<MessageForReview> forReview(long groupId, long id) {
		return this.jdbc
			.sql("SELECT author, author_name, body, body_html, status, created_at FROM chat_message "
					+ "WHERE group_id = ? AND id = ?")
			.params(groupId, id)
			.query((rs, row) -> new MessageForReview(id, groupId, rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), versions(id)))
			.optional();
	}

	private List<String> versions(long id) {
		return this.jdbc.sql("SELECT body FROM message_version WHERE message_id = ? ORDER BY version")
			.param(id)
			.query(String.class)
			.list();
	}

	/**
	 * When a member last posted in a group.
	 * @param groupId the group
	 * @param author the member
	 * @return the time, or empty before the first post
	 */
	public Optional<java.time.Instant> lastPostAt(long groupId, String author) {
		return Optional
			.ofNullable(this.jdbc.sql("SELECT MAX(created_at) FROM chat_message WHERE group_id = ? AND author = ?")
				.params(groupId, author)
				.query((rs, row) -> rs.getTimestamp(1))
				.single())
			.map(Timestamp::toInstant);
	}

	/**
	 * Gives or takes back a reaction.
	 * @param id the message
	 * @param member the member's {@code fhirUser}
	 * @param memberName the member's name in the group
	 * @param emoji the reaction
	 * @param on give it, or take it back
	 */
	public void react(long id, String member, String memberName, String emoji, boolean on) {
		if (!on) {
			this.jdbc.sql("DELETE FROM message_reaction WHERE message_id = ? AND member = ? AND emoji = ?")
				.params(id, member, emoji)
				.update();
			return;
		}
		// an insert alone: a delete first would lock the gap where the row goes, and two
		// pages of the member giving the same reaction at once deadlocked on each other's
		try {
			this.jdbc.sql("INSERT INTO message_reaction (message_id, member, member_name, emoji) VALUES (?, ?, ?, ?)")
				.params(id, member, memberName, emoji)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// given already: one per member and emoji
		}
	}

	/**
	 * What a person wrote in some groups and has not deleted, oldest first, for the
	 * download of their own data.
	 * @param groupIds the groups (those of their health system)
	 * @param author the person
	 * @return each message's group, text as typed, status and times
	 */
	public List<Written> writtenBy(java.util.Collection<Long> groupIds, String author) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id, group_id, body, reply_to, status, created_at, edited_at FROM chat_message "
				+ "WHERE group_id IN (:groups) AND author = :author AND status <> 'DELETED' ORDER BY created_at, id")
			.param("groups", groupIds)
			.param("author", author)
			.query((rs, row) -> new Written(rs.getLong(1), rs.getLong(2), rs.getString(3),
					(rs.getObject(4) != null) ? rs.getLong(4) : null, rs.getString(5), rs.getTimestamp(6).toInstant(),
					(rs.getTimestamp(7) != null) ? rs.getTimestamp(7).toInstant() : null))
			.list();
	}

	/**
	 * A message as its author wrote it.
	 *
	 * @param id the message
	 * @param groupId its group
	 * @param text what they typed
	 * @param replyTo the message it answers, if any
	 * @param status {@code VISIBLE}, or held, hidden or rejected by moderation
	 * @param postedAt when
	 * @param editedAt when last edited, if ever
	 */
	public record Written(long id, long groupId, String text, @Nullable Long replyTo, String status, Instant postedAt,
			@Nullable Instant editedAt) {
	}

	/**
	 * The messages with their reactions, in one query.
	 * @param messages the messages
	 * @return the same messages with reactions
	 */
	public List<ChatMessage> withReactions(List<ChatMessage> messages) {
		if (messages.isEmpty()) {
			return messages;
		}
		String ids = String.join(",", messages.stream().map((message) -> String.valueOf(message.id())).toList());
		Map<Long, Map<String, List<String>>> reactions = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT message_id, emoji, member_name FROM message_reaction WHERE message_id IN (" + ids
					+ ") ORDER BY emoji, member_name")
			.query((rs) -> {
				reactions.computeIfAbsent(rs.getLong(1), (key) -> new java.util.TreeMap<>())
					.computeIfAbsent(rs.getString(2), (key) -> new java.util.ArrayList<>())
					.add(rs.getString(3));
			});
		return messages.stream()
			.map((message) -> message.withReactions(reactions.getOrDefault(message.id(), Map.of())))
			.toList();
	}

	/**
	 * Delivered messages after a sequence number, oldest first.
	 * @param groupId the group
	 * @param afterSeq the last sequence number the client saw
	 * @param limit at most this many
	 * @return the messages
	 */
	public List<ChatMessage> after(long groupId, long afterSeq, int limit) {
		return withReactions(this.jdbc
			.sql(SELECT + "WHERE m.group_id = ? AND m.seq > ? AND m.status NOT IN " + UNDELIVERED
					+ " ORDER BY m.seq LIMIT ?")
			.params(groupId, afterSeq, limit)
			.query((rs, row) -> message(rs))
			.list());
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
			.sql(SELECT + "WHERE m.group_id = ? AND m.seq < ? AND m.status NOT IN " + UNDELIVERED
					+ " ORDER BY m.seq DESC LIMIT ?")
			.params(groupId, beforeSeq, limit)
			.query((rs, row) -> message(rs))
			.list();
		List<ChatMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
		java.util.Collections.reverse(oldestFirst);
		return withReactions(oldestFirst);
	}

	/**
	 * A thread: its first message and the delivered replies in it, oldest first.
	 * @param groupId the group
	 * @param rootId the thread's first message
	 * @param limit at most this many replies, the latest
	 * @return the messages, the first one first; empty when the first message is not in
	 * the group or never delivered
	 */
	public List<ChatMessage> thread(long groupId, long rootId, int limit) {
		List<ChatMessage> root = this.jdbc
			.sql(SELECT + "WHERE m.group_id = ? AND m.id = ? AND m.status NOT IN " + UNDELIVERED)
			.params(groupId, rootId)
			.query((rs, row) -> message(rs))
			.list();
		if (root.isEmpty()) {
			return root;
		}
		List<ChatMessage> replies = new java.util.ArrayList<>(this.jdbc
			.sql(SELECT + "WHERE m.group_id = ? AND m.thread_root = ? AND m.status NOT IN " + UNDELIVERED
					+ " ORDER BY m.seq DESC LIMIT ?")
			.params(groupId, rootId, limit)
			.query((rs, row) -> message(rs))
			.list());
		java.util.Collections.reverse(replies);
		replies.add(0, root.get(0));
		return withReactions(replies);
	}

	/**
	 * Where a reply goes: the message it answers as members see it, and its thread.
	 * @param groupId the group
	 * @param replyTo the message answered
	 * @return the quote and the thread's first message, or empty when the message is not
	 * in the group or never delivered
	 */
	public Optional<Threading> threading(long groupId, long replyTo) {
		return this.jdbc
			.sql("SELECT author_name, body, status, thread_root FROM chat_message WHERE group_id = ? AND id = ? "
					+ "AND status NOT IN " + UNDELIVERED)
			.params(groupId, replyTo)
			.query((rs, row) -> {
				boolean removed = REMOVED.contains(rs.getString(3));
				Long root = nullableLong(rs, 4);
				return new Threading(new ChatMessage.Quote(replyTo, rs.getString(1),
						removed ? "" : Excerpts.of(rs.getString(2)), removed), (root != null) ? root : replyTo);
			})
			.optional();
	}

	/**
	 * Where a reply goes.
	 *
	 * @param quote the message it answers
	 * @param root the first message of its thread
	 */
	public record Threading(ChatMessage.Quote quote, long root) {
	}

	/**
	 * How far a member has read, and the last sequence number given out in the group, in
	 * one statement: a group's page asks for both.
	 * @param groupId the group
	 * @param member the member
	 * @return the last sequence number read and the last given out, each {@code 0} if
	 * none
	 */
	public long[] readAndLast(long groupId, String member) {
		return this.jdbc
			.sql("SELECT (SELECT last_read_seq FROM read_marker WHERE group_id = ? AND member = ?), "
					+ "(SELECT last_seq FROM group_sequence WHERE group_id = ?)")
			.params(groupId, member, groupId)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * Moves a member's read marker forward, never back.
	 * @param groupId the group
	 * @param member the member
	 * @param seq the last sequence number read
	 */
	public void markRead(long groupId, String member, long seq) {
		// one statement, whatever another device of the member does at the same moment: a
		// check for the row followed by an insert failed when both devices inserted,
		// since
		// the check reads the transaction's snapshot and went on missing the other's row
		this.jdbc
			.sql("INSERT INTO read_marker (group_id, member, last_read_seq) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE last_read_seq = GREATEST(last_read_seq, ?)")
			.params(groupId, member, seq, seq)
			.update();
	}

	private static ChatMessage message(ResultSet rs) throws SQLException {
		String status = rs.getString(10);
		boolean deleted = DELETED.equals(status) || HIDDEN.equals(status) || REJECTED.equals(status);
		// instants, not Timestamps: MariaDB's driver makes a new Calendar for each
		// Timestamp, two per message of every page
		boolean edited = rs.getObject(9, Instant.class) != null;
		String mentions = rs.getString(11);
		Long replyTo = nullableLong(rs, 7);
		return new ChatMessage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				deleted ? "" : rs.getString(6), replyTo, rs.getObject(8, Instant.class), edited, deleted,
				(deleted || mentions.isEmpty()) ? List.of() : List.of(mentions.split("\n")), Map.of(),
				(replyTo != null) ? quote(replyTo, rs) : null, nullableLong(rs, 12), rs.getInt(16),
				(deleted || rs.getString(17) == null) ? null
						: new Treatment(rs.getString(17), rs.getString(18), rs.getString(19)));
	}

	/**
	 * The answered message as members see it; a message no longer there reads as removed.
	 */
	private static ChatMessage.Quote quote(long replyTo, ResultSet rs) throws SQLException {
		String status = rs.getString(15);
		boolean removed = status == null || REMOVED.contains(status);
		return new ChatMessage.Quote(replyTo, (status != null) ? rs.getString(13) : "",
				removed ? "" : Excerpts.of(rs.getString(14)), removed);
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * A stored message with its author and status.
	 *
	 * @param message the message
	 * @param author the author's {@code fhirUser}
	 * @param status its status
	 */
	public record Owned(ChatMessage message, String author, String status) {
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
