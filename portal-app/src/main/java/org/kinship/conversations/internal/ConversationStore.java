package org.kinship.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kinship.conversations.Conversation;
import org.kinship.conversations.PrivateMessage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The conversations and their messages in the database. Asks no question of who may see
 * them: {@link org.kinship.conversations.Conversations} does.
 */
@Repository
public class ConversationStore {

	/** Which side has seen a conversation's messages. */
	public enum Side {

		/** Its member (the first of two members). */
		MEMBER("member_seen_id"),
		/** The second of two members. */
		PEER("peer_seen_id"),
		/** The group's staff. */
		STAFF("staff_seen_id");

		private final String column;

		Side(String column) {
			this.column = column;
		}

	}

	private static final String CONVERSATION = "SELECT id, issuer, group_id, member, member_name, opened_by, "
			+ "created_at, peer, peer_name FROM conversation ";

	private final JdbcClient jdbc;

	ConversationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A conversation, opened now if there is none: with the group's staff when
	 * {@code peer} is empty, else between two members.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the member (of two, the one whose id sorts first)
	 * @param memberName the member's name in the group
	 * @param peer the other member, or empty
	 * @param peerName the other member's name in the group, or empty
	 * @param openedBy who opens it
	 * @param now the time now
	 * @return the conversation
	 */
	public Conversation findOrOpen(String issuer, long groupId, String member, String memberName, String peer,
			String peerName, String openedBy, Instant now) {
		Optional<Conversation> earlier = find(issuer, groupId, member, peer);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			this.jdbc
				.sql("INSERT INTO conversation (issuer, group_id, member, member_name, peer, peer_name, opened_by, "
						+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(issuer, groupId, member, memberName, peer, peerName, openedBy, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// opened by someone else at the same moment
		}
		return find(issuer, groupId, member, peer).orElseThrow();
	}

	/**
	 * The conversation of a group's staff with a member, or between two members.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the member
	 * @param peer the other member, or empty for the group's staff
	 * @return the conversation, or empty
	 */
	public Optional<Conversation> find(String issuer, long groupId, String member, String peer) {
		return this.jdbc.sql(CONVERSATION + "WHERE issuer = ? AND group_id = ? AND member = ? AND peer = ?")
			.params(issuer, groupId, member, peer)
			.query(ConversationStore::conversation)
			.optional();
	}

	/**
	 * One conversation of a health system.
	 * @param issuer the health system
	 * @param id the conversation
	 * @return the conversation, or empty when it is not there or of another health system
	 */
	public Optional<Conversation> find(String issuer, long id) {
		return this.jdbc.sql(CONVERSATION + "WHERE issuer = ? AND id = ?")
			.params(issuer, id)
			.query(ConversationStore::conversation)
			.optional();
	}

	/**
	 * A member's conversations, with staff and with other members, newest first.
	 * @param issuer the health system
	 * @param member the member
	 * @return the conversations
	 */
	public List<Conversation> ofMember(String issuer, String member) {
		return this.jdbc.sql(CONVERSATION + "WHERE issuer = ? AND (member = ? OR peer = ?) ORDER BY id DESC")
			.params(issuer, member, member)
			.query(ConversationStore::conversation)
			.list();
	}

	/**
	 * The conversations of some groups' staff with their members, newest first.
	 * @param issuer the health system
	 * @param groupIds the groups
	 * @return the conversations
	 */
	public List<Conversation> withStaffOf(String issuer, Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(CONVERSATION + "WHERE issuer = :issuer AND peer = '' AND group_id IN (:groups) " + "ORDER BY id DESC")
			.param("issuer", issuer)
			.param("groups", groupIds)
			.query(ConversationStore::conversation)
			.list();
	}

	/**
	 * How many of a member's conversations have a message from the other side they have
	 * not seen.
	 * @param issuer the health system
	 * @param member the member
	 * @return the count
	 */
	public int unseenByMember(String issuer, String member) {
		return this.jdbc
			.sql("SELECT COUNT(DISTINCT c.id) FROM conversation c JOIN conversation_message m "
					+ "ON m.conversation_id = c.id WHERE c.issuer = ? AND m.author <> ? "
					+ "AND ((c.member = ? AND m.id > c.member_seen_id) OR (c.peer = ? AND m.id > c.peer_seen_id))")
			.params(issuer, member, member, member)
			.query(Integer.class)
			.single();
	}

	/**
	 * The ids of those conversations with a member's message the group's staff have not
	 * seen.
	 * @param ids the conversations
	 * @return those with news for staff
	 */
	public List<Long> unseenByStaff(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT DISTINCT c.id FROM conversation c JOIN conversation_message m ON m.conversation_id = c.id "
					+ "WHERE c.id IN (:ids) AND NOT m.from_staff AND m.id > c.staff_seen_id")
			.param("ids", ids)
			.query(Long.class)
			.list();
	}

	/**
	 * The messages of a conversation, oldest first.
	 * @param conversationId the conversation
	 * @return the messages
	 */
	public List<PrivateMessage> messages(long conversationId) {
		return this.jdbc
			.sql("SELECT id, conversation_id, author_name, from_staff, body, created_at, status "
					+ "FROM conversation_message WHERE conversation_id = ? ORDER BY id")
			.param(conversationId)
			.query(ConversationStore::message)
			.list();
	}

	/**
	 * Who wrote one message of a conversation.
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @return the author's {@code fhirUser}, or empty when it is not in the conversation
	 */
	public Optional<String> author(long conversationId, long messageId) {
		return this.jdbc.sql("SELECT author FROM conversation_message WHERE conversation_id = ? AND id = ?")
			.params(conversationId, messageId)
			.query(String.class)
			.optional();
	}

	/**
	 * Stores a message.
	 * @param conversationId the conversation
	 * @param author who writes it
	 * @param authorName the name shown
	 * @param fromStaff whether one of the group's staff writes it
	 * @param text the text
	 * @param now the time now
	 * @return the stored message
	 */
	public PrivateMessage add(long conversationId, String author, String authorName, boolean fromStaff, String text,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO conversation_message (conversation_id, author, author_name, from_staff, body, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(conversationId, author, authorName, fromStaff, text, Timestamp.from(now))
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		return new PrivateMessage(id, conversationId, authorName, fromStaff, text, now, false);
	}

	/**
	 * Marks a message as reported to the group's staff.
	 * @param messageId the message
	 */
	public void reported(long messageId) {
		this.jdbc.sql("UPDATE conversation_message SET status = 'REPORTED' WHERE id = ?").param(messageId).update();
	}

	/**
	 * Notes that one side has seen every message of a conversation so far.
	 * @param conversationId the conversation
	 * @param side who
	 */
	public void seen(long conversationId, Side side) {
		this.jdbc
			.sql("UPDATE conversation SET " + side.column + " = (SELECT COALESCE(MAX(id), 0) FROM "
					+ "conversation_message WHERE conversation_id = ?) WHERE id = ?")
			.params(conversationId, conversationId)
			.update();
	}

	private static Conversation conversation(ResultSet rs, int row) throws SQLException {
		return new Conversation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9));
	}

	private static PrivateMessage message(ResultSet rs, int row) throws SQLException {
		return new PrivateMessage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), "REPORTED".equals(rs.getString(7)));
	}

}
