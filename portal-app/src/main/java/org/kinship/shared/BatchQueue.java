package org.kinship.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The loop of a group-commit writer: what waits in the queue when the writer is free, up
 * to a batch's worth, is handed to it together, one batch at a time on one thread, until
 * the writer stops and the queue is empty. Whatever the writer throws is handed back with
 * its batch, so that every item gets an answer, and the loop goes on with the next batch.
 *
 * @param <T> what is queued
 */
public final class BatchQueue<T> {

	private static final Logger log = LoggerFactory.getLogger(BatchQueue.class);

	private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();

	private final String name;

	private final int maxBatch;

	private final Consumer<List<T>> write;

	private final BiConsumer<List<T>, Throwable> failed;

	private volatile boolean running;

	private @Nullable Future<?> loop;

	/**
	 * A queue, stopped until {@link #start(AsyncTaskExecutor)}.
	 * @param name what the writer writes, for the log
	 * @param maxBatch the most items in one batch
	 * @param write writes a batch and answers its items
	 * @param failed answers a batch's items when {@code write} threw
	 */
	public BatchQueue(String name, int maxBatch, Consumer<List<T>> write, BiConsumer<List<T>, Throwable> failed) {
		this.name = name;
		this.maxBatch = maxBatch;
		this.write = write;
		this.failed = failed;
	}

	/**
	 * The executor a writer's loop runs on: one thread, stopped after the writer (its
	 * stop waits for the running loop, which ends only once the writer stopped).
	 * @param threadNamePrefix the thread's name
	 * @param writerPhase the writer's {@code SmartLifecycle} phase
	 * @return the executor, to declare as a bean
	 */
	public static ThreadPoolTaskExecutor executor(String threadNamePrefix, int writerPhase) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix(threadNamePrefix);
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		executor.setPhase(writerPhase - 1);
		return executor;
	}

	/**
	 * Queues an item for the next batch.
	 * @param item the item
	 * @return whether it was queued: not when the writer is stopped
	 */
	public boolean add(T item) {
		if (!this.running) {
			return false;
		}
		this.queue.add(item);
		return true;
	}

	/**
	 * How many items wait for the next batch.
	 * @return the number
	 */
	public int waiting() {
		return this.queue.size();
	}

	/**
	 * Starts the loop.
	 * @param executor where it runs, one thread
	 */
	public void start(AsyncTaskExecutor executor) {
		this.running = true;
		this.loop = executor.submit(this::run);
	}

	/** Takes no more items, and waits up to 10 s for those taken to be written. */
	public void stop() {
		this.running = false;
		Future<?> current = this.loop;
		if (current != null) {
			try {
				current.get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("The {} writer did not stop cleanly: {}", this.name, ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * Whether items are taken.
	 * @return true between start and stop
	 */
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		List<T> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				T first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				this.write.accept(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// never lets the loop end, which would leave every later item waiting
				log.warn("The {} writer: {}", this.name, ex.getClass().getSimpleName());
				this.failed.accept(batch, ex);
			}
			finally {
				batch.clear();
			}
		}
	}

}
