package org.kinship;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests on the JVM's test database of the real MariaDB
 * ({@link MariaDbTestDatabase}). Spring keys the application contexts it keeps between
 * test classes by their {@code @DynamicPropertySource} methods among the rest, so test
 * classes that each declared their own got a context each; those that extend this class
 * share one method, and so one context where the rest of their configuration is the same.
 */
public abstract class OnMariaDb {

	@DynamicPropertySource
	static void mariaDb(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
	}

}
