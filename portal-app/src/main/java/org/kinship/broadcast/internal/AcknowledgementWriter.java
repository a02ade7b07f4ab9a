package org.kinship.broadcast.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.broadcast.Acknowledgement;
import org.kinship.shared.BatchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records "I have read this" in batches. An urgent broadcast to a cohort makes thousands
 * of members press the button within seconds; one transaction per press costs a commit
 * and a pooled connection each, and the presses queue for connections. Presses that
 * arrive together are written instead in one transaction by one thread (a group commit):
 * the recipients' rows locked and updated with one statement per broadcast, their audit
 * entries inserted with them. A press completes only after that commit, so an
 * acknowledgement reported to a member is stored; when the transaction fails every press
 * in it fails, and nothing of it is stored. The writer runs on the module's single-thread
 * executor ({@link BroadcastExecutors#ACKNOWLEDGEMENTS}), started and stopped with the
 * application.
 */
@Component
public class AcknowledgementWriter extends BatchWriter<AcknowledgementWriter.Press> {

	private static final Logger log = LoggerFactory.getLogger(AcknowledgementWriter.class);

	private static final int MAX_BATCH = 500;

	/**
	 * A lower phase stops later: after the web server, so presses in flight are written.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Counter recorded;

	AcknowledgementWriter(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions,
			@Qualifier(BroadcastExecutors.ACKNOWLEDGEMENTS) AsyncTaskExecutor executor, MeterRegistry meters) {
		super("acknowledgement", MAX_BATCH, executor, PHASE);
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
		this.recorded = Counter.builder("kinship.broadcast.acknowledgements")
			.description("Broadcasts acknowledged (\"I have read this\"), counted once per recipient when stored")
			.register(meters);
	}

	/**
	 * Queues a press for the next batch.
	 * @param broadcastId the broadcast
	 * @param fhirUser the member who pressed
	 * @param entry the audit entry to record with it when it is the first press
	 * @return completed with the outcome after the commit, or exceptionally when it could
	 * not be stored
	 */
	public CompletableFuture<Acknowledgement> acknowledge(long broadcastId, String fhirUser, AuditEntry entry) {
		Press press = new Press(broadcastId, fhirUser, AuditLog.Stamped.now(entry), new CompletableFuture<>());
		if (!enqueue(press)) {
			press.done().completeExceptionally(new IllegalStateException("Kinship is shutting down"));
		}
		return press.done();
	}

	@Override
	protected void failed(List<Press> batch, Throwable ex) {
		batch.forEach((press) -> press.done().completeExceptionally(ex));
	}

	@Override
	protected void write(List<Press> batch) {
		Map<Press, Acknowledgement> outcomes;
		try {
			outcomes = this.transactions.execute((status) -> store(batch));
		}
		catch (RuntimeException ex) {
			log.warn("{} acknowledgements not stored ({})", batch.size(), ex.getClass().getSimpleName());
			failed(batch, ex);
			return;
		}
		batch.forEach((press) -> press.done().complete(outcomes.get(press)));
		this.recorded.increment(outcomes.values().stream().filter(Acknowledgement.RECORDED::equals).count());
	}

	private Map<Press, Acknowledgement> store(List<Press> batch) {
		Map<Long, List<Press>> byBroadcast = new TreeMap<>();
		batch
			.forEach((press) -> byBroadcast.computeIfAbsent(press.broadcastId(), (id) -> new ArrayList<>()).add(press));
		Map<Press, Acknowledgement> outcomes = new IdentityHashMap<>();
		List<AuditLog.Stamped> entries = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		byBroadcast.forEach((broadcastId, presses) -> {
			Set<String> users = new HashSet<>();
			presses.forEach((press) -> users.add(press.fhirUser()));
			// rows locked in key order, so batches of two nodes never wait on each other
			// in a circle
			Map<String, Boolean> acknowledged = new HashMap<>();
			this.jdbc
				.sql("SELECT fhir_user, acknowledged_at FROM broadcast_recipient WHERE broadcast_id = :id "
						+ "AND fhir_user IN (:users) ORDER BY fhir_user FOR UPDATE")
				.param("id", broadcastId)
				.param("users", users)
				.query((rs) -> {
					acknowledged.put(rs.getString(1), rs.getTimestamp(2) != null);
				});
			Set<String> pending = new HashSet<>();
			acknowledged.forEach((user, done) -> {
				if (!done) {
					pending.add(user);
				}
			});
			if (!pending.isEmpty()) {
				this.jdbc
					.sql("UPDATE broadcast_recipient SET acknowledged_at = :now, seen_at = COALESCE(seen_at, :now), "
							+ "delivered_at = COALESCE(delivered_at, :now) WHERE broadcast_id = :id "
							+ "AND fhir_user IN (:users) AND acknowledged_at IS NULL")
					.param("now", now)
					.param("id", broadcastId)
					.param("users", pending)
					.update();
			}
			for (Press press : presses) {
				if (!acknowledged.containsKey(press.fhirUser())) {
					outcomes.put(press, Acknowledgement.NOT_RECIPIENT);
				}
				else if (pending.remove(press.fhirUser())) {
					outcomes.put(press, Acknowledgement.RECORDED);
					entries.add(press.audit());
				}
				else {
					outcomes.put(press, Acknowledgement.ALREADY);
				}
			}
		});
		this.audit.recordAll(entries);
		return outcomes;
	}

	/**
	 * One press waiting for its batch; outcomes are kept by identity, as two presses of
	 * one member are two presses.
	 *
	 * @param broadcastId the broadcast
	 * @param fhirUser the member who pressed
	 * @param audit the audit entry to record when it is the first press
	 * @param done completed after the batch's commit
	 */
	record Press(long broadcastId, String fhirUser, AuditLog.Stamped audit, CompletableFuture<Acknowledgement> done) {
	}

}
