package org.kinship.audit.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease per retention job in {@code retention_lease}, so that of the nodes whose
 * schedules fire together one runs the job. Taking it is one conditional update, which
 * the database serializes; a node that dies holding it leaves a lease that runs out after
 * {@link #TERM}. Each statement commits on its own.
 */
@Component
public class RetentionLease {

	/** How long a lease lasts unless renewed; a run renews it after every batch. */
	static final Duration TERM = Duration.ofMinutes(5);

	/**
	 * How long after a run began no node runs the job again, so that a node whose clock
	 * or schedule is a little late does not repeat a run just finished.
	 */
	static final Duration QUIET = Duration.ofMinutes(10);

	private static final Timestamp NEVER = Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"));

	private final JdbcClient jdbc;

	private final String node = UUID.randomUUID().toString();

	RetentionLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the job's lease when no node holds it.
	 * @param job the job's name
	 * @param now the time
	 * @return whether this node now holds it
	 */
	public boolean acquire(String job, Instant now) {
		try {
			this.jdbc.sql("INSERT INTO retention_lease (job, held_by, held_until) VALUES (?, '', ?)")
				.params(job, NEVER)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another node or an earlier run made it
		}
		return this.jdbc.sql("UPDATE retention_lease SET held_by = ?, held_until = ? WHERE job = ? AND held_until < ?")
			.params(this.node, Timestamp.from(now.plus(TERM)), job, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Renews the lease this node holds.
	 * @param job the job's name
	 * @param now the time
	 * @return whether this node still holds it
	 */
	public boolean renew(String job, Instant now) {
		return this.jdbc.sql("UPDATE retention_lease SET held_until = ? WHERE job = ? AND held_by = ?")
			.params(Timestamp.from(now.plus(TERM)), job, this.node)
			.update() == 1;
	}

	/**
	 * Gives the lease up at the end of a run, kept until {@link #QUIET} after it began.
	 * @param job the job's name
	 * @param began when the run began
	 * @param now the time
	 */
	public void release(String job, Instant began, Instant now) {
		Instant until = began.plus(QUIET).isAfter(now) ? began.plus(QUIET) : now;
		this.jdbc.sql("UPDATE retention_lease SET held_until = ? WHERE job = ? AND held_by = ?")
			.params(Timestamp.from(until), job, this.node)
			.update();
	}

}
