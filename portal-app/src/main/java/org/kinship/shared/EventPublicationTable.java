package org.kinship.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Migration 10: the table of Spring Modulith's Event Publication Registry, where an event
 * for a listener whose work leaves the process (an EHR write-back) is stored in the
 * transaction that publishes it and marked complete when the listener has run. Flyway
 * owns it, not Modulith's own initializer, so that it is versioned with the rest.
 * <p>
 * The one migration written in Java rather than SQL: the registry reads the id back as a
 * {@code java.util.UUID} on H2 and as text on MySQL and MariaDB, and MySQL has no
 * {@code UUID} type, so the id's column type depends on the database. The rest is
 * Modulith's {@code schemas/v2/schema-mysql.sql}, with the index as a statement of its
 * own for H2. The table's name stays in capitals: Modulith's statements name it so, and
 * MySQL and MariaDB on Linux compare table names case-sensitively. A Spring bean, so that
 * Spring Boot hands it to Flyway with the SQL migrations of {@code db/migration}; in this
 * open module because the registry serves every module, and so that a module test of any
 * of them gets the table too.
 */
@Component
class EventPublicationTable implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("10");
	}

	@Override
	public String getDescription() {
		return "event publication registry";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE EVENT_PUBLICATION (
					    ID                     %s NOT NULL,
					    LISTENER_ID            VARCHAR(512) NOT NULL,
					    EVENT_TYPE             VARCHAR(512) NOT NULL,
					    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
					    PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
					    COMPLETION_DATE        TIMESTAMP(6) NULL,
					    STATUS                 VARCHAR(20),
					    COMPLETION_ATTEMPTS    INT,
					    LAST_RESUBMISSION_DATE TIMESTAMP(6) NULL,
					    PRIMARY KEY (ID)
					)""".formatted(h2 ? "UUID" : "VARCHAR(36)"));
			statement.execute("CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX "
					+ "ON EVENT_PUBLICATION (COMPLETION_DATE)");
		}
	}

}
