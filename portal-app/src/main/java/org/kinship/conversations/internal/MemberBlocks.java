package org.kinship.conversations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who blocked whom, across a community, and whether its members may write to each other.
 */
@Repository
public class MemberBlocks {

	private final JdbcClient jdbc;

	MemberBlocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Blocks a member, or lifts the block.
	 * @param issuer the health system
	 * @param blocker who blocks
	 * @param blocked whom
	 * @param on block, or lift the block
	 * @param now the time now
	 */
	public void block(String issuer, String blocker, String blocked, boolean on, Instant now) {
		if (!on) {
			this.jdbc.sql("DELETE FROM member_block WHERE issuer = ? AND blocker = ? AND blocked = ?")
				.params(issuer, blocker, blocked)
				.update();
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO member_block (issuer, blocker, blocked, created_at) VALUES (?, ?, ?, ?)")
				.params(issuer, blocker, blocked, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// blocked already
		}
	}

	/**
	 * Whether one member blocked another.
	 * @param issuer the health system
	 * @param blocker who may have blocked
	 * @param blocked whom
	 * @return true when blocked
	 */
	public boolean blocked(String issuer, String blocker, String blocked) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member_block WHERE issuer = ? AND blocker = ? AND blocked = ?")
			.params(issuer, blocker, blocked)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The members someone blocked.
	 * @param issuer the health system
	 * @param blocker who
	 * @return their {@code fhirUser}s
	 */
	public List<String> blockedBy(String issuer, String blocker) {
		return this.jdbc.sql("SELECT blocked FROM member_block WHERE issuer = ? AND blocker = ?")
			.params(issuer, blocker)
			.query(String.class)
			.list();
	}

	/**
	 * Whether a community lets its members write to each other privately.
	 * @param issuer the health system
	 * @return false unless a community manager turned it on
	 */
	public boolean membersMayTalk(String issuer) {
		return this.jdbc.sql("SELECT members_may_talk FROM conversation_setting WHERE issuer = ?")
			.param(issuer)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Lets a community's members write to each other privately, or stops it.
	 * @param issuer the health system
	 * @param on allow it
	 * @param by the community manager
	 * @param now the time now
	 */
	public void setMembersMayTalk(String issuer, boolean on, String by, Instant now) {
		int updated = this.jdbc.sql(
				"UPDATE conversation_setting SET members_may_talk = ?, changed_by = ?, changed_at = ? WHERE issuer = ?")
			.params(on, by, Timestamp.from(now), issuer)
			.update();
		if (updated == 0) {
			try {
				this.jdbc
					.sql("INSERT INTO conversation_setting (issuer, members_may_talk, changed_by, changed_at) "
							+ "VALUES (?, ?, ?, ?)")
					.params(issuer, on, by, Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException ex) {
				setMembersMayTalk(issuer, on, by, now);
			}
		}
	}

}
