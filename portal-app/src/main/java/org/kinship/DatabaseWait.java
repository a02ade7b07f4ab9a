package org.kinship;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Holds the start of a node until its database answers, for up to
 * {@code kinship.startup.database-wait} (two minutes by default), before Flyway or
 * anything else uses it: a node started while the database is down or still starting
 * waits, not ready, and carries on when the database comes, instead of failing and being
 * started again in a loop. Past the ceiling the start fails as before. Logs its progress
 * without the database's URL or the driver's message, which may name the user.
 */
final class DatabaseWait implements BeanPostProcessor {

	/** The property that sets the ceiling. */
	static final String PROPERTY = "kinship.startup.database-wait";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWait.class);

	private static final Duration PAUSE = Duration.ofSeconds(2);

	private final Duration ceiling;

	DatabaseWait(Environment environment) {
		this.ceiling = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(Duration.ofMinutes(2));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			waitFor(dataSource);
		}
		return bean;
	}

	private void waitFor(DataSource dataSource) {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try (Connection connection = dataSource.getConnection()) {
				if (attempt > 1) {
					logger.info("The database answered after {} s", elapsed(start).toSeconds());
				}
				return;
			}
			catch (SQLException | RuntimeException ex) {
				Duration waited = elapsed(start);
				if (waited.compareTo(this.ceiling) >= 0) {
					throw new IllegalStateException("The database did not answer within " + this.ceiling + " ("
							+ PROPERTY + "); last failure: " + ex.getClass().getName());
				}
				logger.info("Waiting for the database: {} s of at most {} s ({})", waited.toSeconds(),
						this.ceiling.toSeconds(), ex.getClass().getSimpleName());
				pause();
			}
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the database", ex);
		}
	}

}
