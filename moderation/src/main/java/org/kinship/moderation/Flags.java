package org.kinship.moderation;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' flags on messages: one per member and message, each with a reason. The message
 * goes to the review queue with the first flag.
 */
@Component
public class Flags {

	private final JdbcClient jdbc;

	Flags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a member's flag; flagging the same message again changes nothing.
	 * @param messageId the message
	 * @param member who flags
	 * @param reason why
	 * @return how many members have flagged the message now
	 */
	@Transactional
	public int flag(long messageId, String member, FlagReason reason) {
		try {
			this.jdbc.sql("INSERT INTO message_flag (message_id, member, reason, created_at) VALUES (?, ?, ?, ?)")
				.params(messageId, member, reason.name(), Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// flagged before: counted once
		}
		return count(messageId);
	}

	/**
	 * How many members flagged a message.
	 * @param messageId the message
	 * @return the count
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public int count(long messageId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM message_flag WHERE message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single();
	}

	/** Why a member flags a message. */
	public enum FlagReason {

		/** Not about what the group is for. */
		OFF_TOPIC,
		/** Unkind to someone. */
		UNKIND,
		/** Medical claims that could harm someone who follows them. */
		MISINFORMATION,
		/** Advertising or repeated posts. */
		SPAM,
		/** Someone's personal information. */
		PERSONAL_INFORMATION,
		/** The member is worried about the person who wrote it. */
		WORRIED

	}

}
