package org.kinship;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Migration 24: threads, search, private conversations between members, blocks and the
 * member's time zone.
 * <p>
 * Written in Java because search has an index only MySQL and MariaDB know: a
 * {@code FULLTEXT} index on the text of chat messages, which H2 (the embedded database of
 * {@code deploy/run}) cannot parse; chat's search reads the same column with {@code LIKE}
 * there. Dropping a unique constraint is also spelled differently. A Spring bean, so that
 * Spring Boot hands it to Flyway with the SQL migrations of {@code db/migration}.
 */
@Component
class ConversationsSchema implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("24");
	}

	@Override
	public String getDescription() {
		return "threads search private conversations time zones";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		// MySQL and MariaDB commit around every DDL statement anyway
		return false;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
		try (Statement statement = connection.createStatement()) {
			threads(statement);
			if (!h2) {
				statement.execute("CREATE FULLTEXT INDEX ix_chat_message_text ON chat_message (body)");
			}
			conversations(statement, h2);
			statement.execute("""
					CREATE TABLE member_time_zone (
					    issuer    VARCHAR(255) NOT NULL,
					    fhir_user VARCHAR(255) NOT NULL,
					    zone      VARCHAR(64)  NOT NULL,
					    PRIMARY KEY (issuer, fhir_user)
					)""");
		}
	}

	/**
	 * The first message of a reply's thread. Earlier replies get the message they answer:
	 * right for every reply to a first message, and replies to replies were rare.
	 */
	private static void threads(Statement statement) throws SQLException {
		statement.execute("ALTER TABLE chat_message ADD COLUMN thread_root BIGINT NULL");
		statement.execute("UPDATE chat_message SET thread_root = reply_to WHERE reply_to IS NOT NULL");
		statement.execute("CREATE INDEX ix_chat_message_thread ON chat_message (thread_root, seq)");
	}

	/**
	 * A conversation is now a member's with the group's staff ({@code peer} empty) or
	 * with another member of the group ({@code member} the one whose id sorts first).
	 * Blocks are one member's of another, across the community; the community's setting
	 * lets members write to each other.
	 */
	private static void conversations(Statement statement, boolean h2) throws SQLException {
		statement.execute("ALTER TABLE conversation ADD COLUMN peer VARCHAR(255) NOT NULL DEFAULT ''");
		statement.execute("ALTER TABLE conversation ADD COLUMN peer_name VARCHAR(40) NOT NULL DEFAULT ''");
		statement.execute("ALTER TABLE conversation ADD COLUMN peer_seen_id BIGINT NOT NULL DEFAULT 0");
		statement.execute("ALTER TABLE conversation ADD COLUMN staff_seen_id BIGINT NOT NULL DEFAULT 0");
		statement.execute("CREATE INDEX ix_conversation_group ON conversation (group_id)");
		statement.execute(h2 ? "ALTER TABLE conversation DROP CONSTRAINT uq_conversation"
				: "ALTER TABLE conversation DROP INDEX uq_conversation");
		statement.execute("ALTER TABLE conversation ADD CONSTRAINT uq_conversation_pair "
				+ "UNIQUE (issuer, group_id, member, peer)");
		statement.execute("CREATE INDEX ix_conversation_peer ON conversation (issuer, peer)");
		statement.execute("""
				CREATE TABLE member_block (
				    issuer     VARCHAR(255) NOT NULL,
				    blocker    VARCHAR(255) NOT NULL,
				    blocked    VARCHAR(255) NOT NULL,
				    created_at TIMESTAMP(3) NOT NULL,
				    PRIMARY KEY (issuer, blocker, blocked)
				)""");
		statement.execute("""
				CREATE TABLE conversation_setting (
				    issuer           VARCHAR(255) NOT NULL,
				    members_may_talk BOOLEAN      NOT NULL,
				    changed_by       VARCHAR(255) NOT NULL,
				    changed_at       TIMESTAMP(3) NOT NULL,
				    PRIMARY KEY (issuer)
				)""");
		statement.execute("ALTER TABLE conversation_message ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'VISIBLE'");
	}

}
