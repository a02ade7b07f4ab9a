package org.kinship.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work after the current transaction commits, outside the Event Publication
 * Registry. The registry stores a publication for every transactional event listener and
 * marks it in a transaction of its own after the commit, while the committing connection
 * is still held: on the send path of a live chat that is a second connection and two more
 * writes per message, and under load the pool runs dry. A live push needs none of it,
 * since what it pushes is never the only copy: clients catch up from the database. Work
 * for which nothing else catches up belongs in an {@code @ApplicationModuleListener}
 * instead.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs the work once the current transaction has committed (not at all when it rolls
	 * back), or at once when there is no transaction.
	 * @param work what to run, on the committing thread
	 */
	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				work.run();
			}

		});
	}

}
