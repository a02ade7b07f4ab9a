package org.kinship.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.kinship.audit.internal.RetentionLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a retention job: in batches of {@code kinship.retention.batch-size} rows, each in
 * a transaction of its own, on one node at a time (a lease in {@code retention_lease}),
 * and records in the audit log what it did, counts only. The modules that own tables give
 * the batch that deletes or purges their own rows.
 */
@Component
public class Retention {

	/** The issuer column of the audit entries of retention runs, which concern no EHR. */
	public static final String ISSUER = "kinship";

	/** The actor of those entries. */
	public static final String ACTOR = "retention";

	private static final Logger logger = LoggerFactory.getLogger(Retention.class);

	private final RetentionLease lease;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final RetentionProperties properties;

	private final Clock clock;

	Retention(RetentionLease lease, TransactionTemplate transactions, AuditLog audit, RetentionProperties properties) {
		this.lease = lease;
		this.transactions = transactions;
		this.audit = audit;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * The settings.
	 * @return them
	 */
	public RetentionProperties settings() {
		return this.properties;
	}

	/**
	 * The moment before which rows kept for {@code period} are due.
	 * @param period how long they are kept
	 * @return now less the period (years and months counted on the UTC calendar)
	 */
	public Instant cutoff(Period period) {
		return this.clock.instant().atOffset(ZoneOffset.UTC).minus(period).toInstant();
	}

	/**
	 * Runs a job when no other node is running it, batch after batch until a batch finds
	 * fewer rows than it may take, then records {@code outcome} and the count in the
	 * audit log (also when a batch fails, with the count so far, and the failure is
	 * thrown).
	 * @param job the job's name, unique across Kinship
	 * @param table what it works on, recorded in the audit entry
	 * @param verb {@code DELETED} or {@code PURGED}, recorded with the count
	 * @param batch one batch, run in a transaction
	 * @return the rows done, or empty when another node holds the job
	 */
	public OptionalLong run(String job, String table, String verb, Batch batch) {
		Instant began = this.clock.instant();
		if (!this.lease.acquire(job, began)) {
			logger.info("Retention job {} is running on another node", job);
			return OptionalLong.empty();
		}
		long done = 0;
		try {
			int size = this.properties.batchSize();
			int last;
			do {
				last = this.transactions.execute((status) -> batch.next(size));
				done += last;
			}
			while (last == size && this.lease.renew(job, this.clock.instant()));
			record(table, verb + " " + done);
			logger.info("Retention job {}: {} {} rows", job, verb.toLowerCase(java.util.Locale.ROOT), done);
			return OptionalLong.of(done);
		}
		catch (RuntimeException ex) {
			record(table, "FAILED " + done);
			throw ex;
		}
		finally {
			this.lease.release(job, began, this.clock.instant());
		}
	}

	private void record(String table, String outcome) {
		this.audit.record(new AuditEntry(ISSUER, ACTOR, null, AuditAction.RETENTION, table, outcome));
	}

	/**
	 * One batch of a retention job.
	 */
	@FunctionalInterface
	public interface Batch {

		/**
		 * Deletes or purges up to {@code limit} rows that are due, in the caller's
		 * transaction.
		 * @param limit the most rows to take
		 * @return how many it took
		 */
		int next(int limit);

	}

}
