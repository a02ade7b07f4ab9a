package org.kinship;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's connections keep their statements prepared on the database server
 * ({@code spring.datasource.hikari.data-source-properties} in {@code application.yml}): a
 * statement used again on a connection is executed, not parsed and planned again, and no
 * longer travels as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PreparedStatementsIntegrationTests extends OnMariaDb {

	@Autowired
	DataSource dataSource;

	@Test
	void aConnectionPreparesAStatementOnceAndThenOnlyExecutesIt() throws SQLException {
		// a statement no other test has prepared on this connection
		String sql = "SELECT ? + 1 /* " + UUID.randomUUID() + " */";
		try (Connection connection = this.dataSource.getConnection()) {
			long prepared = status(connection, "Com_stmt_prepare");
			long executed = status(connection, "Com_stmt_execute");
			for (int i = 0; i < 3; i++) {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setInt(1, i);
					try (ResultSet result = statement.executeQuery()) {
						assertThat(result.next()).isTrue();
						assertThat(result.getInt(1)).isEqualTo(i + 1);
					}
				}
			}
			assertThat(status(connection, "Com_stmt_prepare") - prepared).isOne();
			assertThat(status(connection, "Com_stmt_execute") - executed).isEqualTo(3);
		}
	}

	/** The connection's own count, read as text so that reading it counts nothing. */
	private static long status(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
			assertThat(result.next()).isTrue();
			return result.getLong(2);
		}
	}

}
