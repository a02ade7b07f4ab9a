package org.kinship;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same migrations, unchanged, on the real MariaDB and on the embedded default.
 */
class MigrationsIntegrationTests {

	static void assertMigratedAndUsable(JdbcTemplate jdbc) {
		List<Boolean> outcomes = jdbc
			.queryForList("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL", Boolean.class);
		assertThat(outcomes).isNotEmpty().containsOnly(true);
		// the moderation jar keeps its own tables' migrations, found in its sub-folder
		assertThat(
				jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL", String.class))
			.contains("3", "4", "5", "6");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_item", Integer.class)).isZero();
		jdbc.update("INSERT INTO audit_event (occurred_at, issuer, actor, action, outcome, correlation_id) "
				+ "VALUES (CURRENT_TIMESTAMP(3), 'https://ehr.example/fhir', 'Patient/1', 'LAUNCH', 'SUCCESS', 'c-1')");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE correlation_id = 'c-1'", Integer.class))
			.isEqualTo(1);
		jdbc.update("INSERT INTO role_assignment (issuer, fhir_user, role, granted_at, granted_by) "
				+ "VALUES ('https://ehr.example/fhir', 'Practitioner/9', 'FACILITATOR', CURRENT_TIMESTAMP(3), 'seed')");
		assertThat(jdbc.queryForObject("SELECT role FROM role_assignment WHERE fhir_user = 'Practitioner/9'",
				String.class))
			.isEqualTo("FACILITATOR");
	}

	@Nested
	@SpringBootTest
	class OnMariaDb {

		@DynamicPropertySource
		static void mariaDb(DynamicPropertyRegistry registry) {
			MariaDbTestDatabase.register(registry);
		}

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void migratesTheRealMariaDbFromEmpty() {
			assertThat(this.jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
			assertMigratedAndUsable(this.jdbc);
		}

	}

	@Nested
	@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:migrations;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
	class OnEmbeddedDefault {

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void migratesTheEmbeddedDatabaseFromEmpty() {
			assertThat(this.jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
			assertMigratedAndUsable(this.jdbc);
		}

	}

}
