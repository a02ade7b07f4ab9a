package org.kinship.chat.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kinship.shared.RequestMemo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat rules a group's staff set: slow mode and pinned messages.
 */
@Repository
public class GroupRules {

	private final JdbcClient jdbc;

	GroupRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A group's slow mode.
	 * @param groupId the group
	 * @return seconds a member waits between messages, {@code 0} for off
	 */
	public int slowModeSeconds(long groupId) {
		return rules(groupId).slowModeSeconds();
	}

	/**
	 * A group's slow mode, read with a row lock held until the transaction ends, so that
	 * the sends of a group in slow mode are judged one after the other: a member's second
	 * message sent at the same moment as the first, on whichever node, waits for the
	 * first to commit and then sees it. Must run in a transaction.
	 * @param groupId the group
	 * @return seconds a member waits between messages, {@code 0} for off
	 */
	public int slowModeSecondsLocked(long groupId) {
		return this.jdbc.sql("SELECT slow_mode_seconds FROM chat_group_rules WHERE group_id = ? FOR UPDATE")
			.param(groupId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * When a member last posted while slow mode was on, read with a row lock: it sees the
	 * latest commits, where a plain read would see the transaction's snapshot. Called
	 * only under {@link #slowModeSecondsLocked}, so that no two transactions wait on each
	 * other here.
	 * @param groupId the group
	 * @param member the member
	 * @return the time, or empty if never
	 */
	public java.util.Optional<Instant> lastPaced(long groupId, String member) {
		return this.jdbc.sql("SELECT last_post_at FROM chat_member_pace WHERE group_id = ? AND member = ? FOR UPDATE")
			.params(groupId, member)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * Notes that a member posts now while slow mode is on; rolled back with the message
	 * if it is not stored.
	 * @param groupId the group
	 * @param member the member
	 * @param at when
	 */
	public void paced(long groupId, String member, Instant at) {
		this.jdbc
			.sql("INSERT INTO chat_member_pace (group_id, member, last_post_at) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE last_post_at = ?")
			.params(groupId, member, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/**
	 * Sets a group's slow mode.
	 * @param groupId the group
	 * @param seconds seconds between a member's messages, {@code 0} for off
	 */
	public void setSlowMode(long groupId, int seconds) {
		int updated = this.jdbc.sql("UPDATE chat_group_rules SET slow_mode_seconds = ? WHERE group_id = ?")
			.params(seconds, groupId)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO chat_group_rules (group_id, slow_mode_seconds) VALUES (?, ?)")
					.params(groupId, seconds)
					.update();
			}
			catch (DuplicateKeyException ex) {
				setSlowMode(groupId, seconds);
			}
		}
	}

	/**
	 * The ids of a group's pinned messages, earliest pinned first.
	 * @param groupId the group
	 * @return the ids
	 */
	public List<Long> pinned(long groupId) {
		return rules(groupId).pinned();
	}

	/**
	 * A group's slow mode and pinned messages in one statement: the page's controls and
	 * the composer's notice ask for them, read once per page.
	 */
	private Rules rules(long groupId) {
		return RequestMemo.once("chat.rules " + groupId, () -> {
			int[] slowMode = { 0 };
			List<Long> pinned = new ArrayList<>();
			this.jdbc
				.sql("SELECT 1, message_id, pinned_at FROM pinned_message WHERE group_id = ? "
						+ "UNION ALL SELECT 0, slow_mode_seconds, NULL FROM chat_group_rules WHERE group_id = ? "
						+ "ORDER BY 1, 3, 2")
				.params(groupId, groupId)
				.query((rs) -> {
					if (rs.getInt(1) == 0) {
						slowMode[0] = rs.getInt(2);
					}
					else {
						pinned.add(rs.getLong(2));
					}
				});
			return new Rules(slowMode[0], List.copyOf(pinned));
		});
	}

	private record Rules(int slowModeSeconds, List<Long> pinned) {
	}

	/**
	 * Pins a message, or unpins it.
	 * @param groupId the group
	 * @param messageId the message, in that group
	 * @param by who pins it
	 * @param on pin, or unpin
	 * @return whether anything changed
	 */
	public boolean pin(long groupId, long messageId, String by, boolean on) {
		if (!on) {
			return this.jdbc.sql("DELETE FROM pinned_message WHERE group_id = ? AND message_id = ?")
				.params(groupId, messageId)
				.update() > 0;
		}
		try {
			return this.jdbc
				.sql("INSERT INTO pinned_message (message_id, group_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)")
				.params(messageId, groupId, by, Timestamp.from(Instant.now()))
				.update() > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
