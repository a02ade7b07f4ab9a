package org.kinship;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the real MariaDB for one test JVM, created empty on first use
 * and dropped when the JVM ends, so that every run starts from the migrations. The first
 * module whose tests use a database keeps it; portal-app's and the end-to-end tests take
 * it from this module's test jar.
 */
public final class MariaDbTestDatabase {

	private static final String SERVER = System.getenv()
		.getOrDefault("KINSHIP_TEST_DB_SERVER", "jdbc:mariadb://127.0.0.1:3306/");

	private static final String USER = System.getenv().getOrDefault("KINSHIP_TEST_DB_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("KINSHIP_TEST_DB_PASSWORD", "");

	private static volatile String url;

	private MariaDbTestDatabase() {
	}

	/**
	 * The JDBC URL of this JVM's fresh database.
	 * @return the URL
	 */
	public static synchronized String url() {
		if (url == null) {
			String name = "kinship_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name)));
			url = SERVER + name;
		}
		return url;
	}

	/**
	 * Points a Spring test context at this JVM's database.
	 * @param registry the test's dynamic properties
	 */
	public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", MariaDbTestDatabase::url);
		registry.add("spring.datasource.username", MariaDbTestDatabase::user);
		registry.add("spring.datasource.password", MariaDbTestDatabase::password);
	}

	/**
	 * @return the user the tests connect as
	 */
	public static String user() {
		return USER;
	}

	/**
	 * @return that user's password
	 */
	public static String password() {
		return PASSWORD;
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("MariaDB on " + SERVER + " is needed by the tests: " + ex.getMessage(), ex);
		}
	}

}
