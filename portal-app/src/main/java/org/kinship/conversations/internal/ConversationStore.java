package org.kinship.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

	private static final String CONVERSATION = "SELECT id, issuer, group_id, member, member_name, opened_by, "
			+ "created_at FROM conversation ";

	private final JdbcClient jdbc;

	ConversationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The conversation of a group's staff with a member, opened now if there is none.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the member
	 * @param memberName the member's name in the group
	 * @param openedBy who opens it
	 * @param now the time now
	 * @return the conversation
	 */
	public Conversation findOrOpen(String issuer, long groupId, String member, String memberName, String openedBy,
			Instant now) {
		Optional<Conversation> earlier = find(issuer, groupId, member);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			this.jdbc
				.sql("INSERT INTO conversation (issuer, group_id, member, member_name, opened_by, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(issuer, groupId, member, memberName, openedBy, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// a colleague opened it at the same moment
		}
		return find(issuer, groupId, member).orElseThrow();
	}

	/**
	 * The conversation of a group's staff with a member.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the member
	 * @return the conversation, or empty
	 */
	public Optional<Conversation> find(String issuer, long groupId, String member) {
		return this.jdbc.sql(CONVERSATION + "WHERE issuer = ? AND group_id = ? AND member = ?")
			.params(issuer, groupId, member)
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
	 * A member's conversations, newest first.
	 * @param issuer the health system
	 * @param member the member
	 * @return the conversations
	 */
	public List<Conversation> ofMember(String issuer, String member) {
		return this.jdbc.sql(CONVERSATION + "WHERE issuer = ? AND member = ? ORDER BY id DESC")
			.params(issuer, member)
			.query(ConversationStore::conversation)
			.list();
	}

	/**
	 * How many of a member's conversations have a message from staff they have not seen.
	 * @param issuer the health system
	 * @param member the member
	 * @return the count
	 */
	public int unseenByMember(String issuer, String member) {
		return this.jdbc
			.sql("SELECT COUNT(DISTINCT c.id) FROM conversation c JOIN conversation_message m "
					+ "ON m.conversation_id = c.id WHERE c.issuer = ? AND c.member = ? AND m.from_staff "
					+ "AND m.id > c.member_seen_id")
			.params(issuer, member)
			.query(Integer.class)
			.single();
	}

	/**
	 * The messages of a conversation, oldest first.
	 * @param conversationId the conversation
	 * @return the messages
	 */
	public List<PrivateMessage> messages(long conversationId) {
		return this.jdbc
			.sql("SELECT id, conversation_id, author_name, from_staff, body, created_at FROM conversation_message "
					+ "WHERE conversation_id = ? ORDER BY id")
			.param(conversationId)
			.query(ConversationStore::message)
			.list();
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
		return new PrivateMessage(id, conversationId, authorName, fromStaff, text, now);
	}

	/**
	 * Notes that the member has seen every message of a conversation so far.
	 * @param conversationId the conversation
	 */
	public void seenByMember(long conversationId) {
		this.jdbc
			.sql("UPDATE conversation SET member_seen_id = (SELECT COALESCE(MAX(id), 0) FROM conversation_message "
					+ "WHERE conversation_id = ?) WHERE id = ?")
			.params(conversationId, conversationId)
			.update();
	}

	private static Conversation conversation(ResultSet rs, int row) throws SQLException {
		return new Conversation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant());
	}

	private static PrivateMessage message(ResultSet rs, int row) throws SQLException {
		return new PrivateMessage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
				rs.getTimestamp(6).toInstant());
	}

}
