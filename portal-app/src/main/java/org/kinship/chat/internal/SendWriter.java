package org.kinship.chat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.BatchWriter;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the messages sent at the same moment in one transaction (a group commit). Each
 * message sent on its own paid for a transaction's begin and commit (three round trips
 * and a flush of the database's log) on top of its own statements; under load, the
 * messages that arrive while one batch commits are written by one thread in the next, so
 * those costs are shared. A message sent alone is a batch of one, as before.
 *
 * <p>
 * A send completes only after the commit that stored it, so a message acknowledged to a
 * member is stored. The batch's messages are written in the order they came, groups in
 * the order of their ids (so that two nodes' batches lock the groups' sequence rows in
 * the same order and never wait on each other in a circle), each group's messages in the
 * order they came. When a message of the batch fails, the batch is rolled back and each
 * of its messages is written again in a transaction of its own, so that one message's
 * refusal or fault is that message's alone, as when each was sent by itself. A message
 * whose transaction the database chose to end to break a deadlock with another
 * transaction is written once more before its send fails: nothing of it was stored, and
 * the other transaction has gone on. The work of a send therefore runs at most three
 * times and must keep everything but the database's writes, such as counters, to after it
 * returns.
 *
 * <p>
 * The work runs on the writer's thread with the sender's security and locale context, so
 * that what it reads of the current person (their time zone, their language) is theirs.
 * Inside a transaction already (a send made by another module's transaction), the work
 * runs at once in that transaction instead.
 */
@Component
public class SendWriter extends BatchWriter<SendWriter.Pending<?>> {

	/** The most messages in one transaction. */
	static final int MAX_BATCH = 64;

	/**
	 * A lower phase stops later: after the web server, so sends in flight are written.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** The bean name of the writer's executor. */
	static final String EXECUTOR = "sendWriterExecutor";

	private final TransactionTemplate transactions;

	private final DistributionSummary batches;

	SendWriter(TransactionTemplate transactions, @Qualifier(EXECUTOR) AsyncTaskExecutor executor,
			MeterRegistry meters) {
		super("send", MAX_BATCH, executor, PHASE);
		this.transactions = transactions;
		this.batches = DistributionSummary.builder("kinship.messages.batch")
			.description("Messages stored together in one transaction of the send writer")
			.register(meters);
	}

	/**
	 * Runs a send's writes in a transaction shared with the sends that arrive with it,
	 * and waits for its commit.
	 * @param <T> what the work returns
	 * @param groupId the group the work writes to
	 * @param work the writes; may run twice (see above), and throws {@link Refused} when
	 * the message may not be stored
	 * @return what the work returned, once committed
	 * @throws Refused as the work threw it; nothing of the message is stored then
	 * @throws RuntimeException as the work or the commit threw it; nothing of the message
	 * is stored then
	 */
	public <T> T write(long groupId, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		Pending<T> pending = new Pending<>(groupId, work, SecurityContextHolder.getContext(),
				LocaleContextHolder.getLocaleContext(), new CompletableFuture<>());
		if (!enqueue(pending)) {
			throw new IllegalStateException("The send writer is stopped: Kinship is starting or shutting down");
		}
		try {
			return pending.done().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the message was written", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * How many sends wait for the next batch.
	 * @return the number
	 */
	int waiting() {
		return queued();
	}

	/**
	 * The writer's thread.
	 * @return the executor
	 */
	@Bean(EXECUTOR)
	static ThreadPoolTaskExecutor sendWriterExecutor() {
		return BatchWriter.executor("kinship-send-writer-", PHASE);
	}

	@Override
	protected void write(List<Pending<?>> batch) {
		// stable: each group's messages keep the order they came in
		batch.sort(Comparator.comparingLong(Pending::groupId));
		this.batches.record(batch.size());
		List<Object> results;
		try {
			results = this.transactions.execute((status) -> {
				List<Object> done = new ArrayList<>(batch.size());
				batch.forEach((pending) -> done.add(pending.run()));
				return done;
			});
		}
		catch (RuntimeException | Error ex) {
			if (batch.size() == 1 && !(ex instanceof PessimisticLockingFailureException)) {
				batch.get(0).done().completeExceptionally(ex);
				return;
			}
			// one message's refusal or fault rolled the batch back, or the database
			// ended it to break a deadlock: each alone again
			for (Pending<?> pending : batch) {
				alone(pending);
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).complete(results.get(i));
		}
	}

	@Override
	protected void failed(List<Pending<?>> batch, Throwable ex) {
		batch.forEach((pending) -> pending.done().completeExceptionally(ex));
	}

	private void alone(Pending<?> pending) {
		alone(pending, true);
	}

	private void alone(Pending<?> pending, boolean again) {
		Object result;
		try {
			result = this.transactions.execute((status) -> pending.run());
		}
		catch (PessimisticLockingFailureException ex) {
			// a deadlock's loser, or a lock not granted in time: nothing was stored
			if (again) {
				alone(pending, false);
			}
			else {
				pending.done().completeExceptionally(ex);
			}
			return;
		}
		catch (RuntimeException | Error ex) {
			pending.done().completeExceptionally(ex);
			return;
		}
		pending.complete(result);
	}

	/** A send waiting for its batch, with the sender's context. */
	record Pending<T>(long groupId, Supplier<T> work, SecurityContext security, @Nullable LocaleContext locale,
			CompletableFuture<T> done) {

		/** Runs the work with the sender's context on this thread. */
		T run() {
			SecurityContext previousSecurity = SecurityContextHolder.getContext();
			LocaleContext previousLocale = LocaleContextHolder.getLocaleContext();
			SecurityContextHolder.setContext(this.security);
			LocaleContextHolder.setLocaleContext(this.locale);
			try {
				return this.work.get();
			}
			finally {
				SecurityContextHolder.setContext(previousSecurity);
				LocaleContextHolder.setLocaleContext(previousLocale);
			}
		}

		@SuppressWarnings("unchecked")
		void complete(@Nullable Object result) {
			this.done.complete((T) result);
		}

	}

}
