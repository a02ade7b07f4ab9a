package org.kinship.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A group-commit writer: what waits in its queue when it is free, up to a batch's worth,
 * is written together, one batch at a time on one thread, until the writer stops and the
 * queue is empty. Whatever {@link #write(List)} throws is handed back with its batch to
 * {@link #failed(List, Throwable)}, so that every item gets an answer, and the writer
 * goes on with the next batch. Started and stopped with the application.
 *
 * @param <T> what is queued
 */
public abstract class BatchWriter<T> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();

	private final String name;

	private final int maxBatch;

	private final AsyncTaskExecutor executor;

	private final int phase;

	private volatile boolean running;

	private @Nullable Future<?> loop;

	/**
	 * A writer, stopped until the application starts it.
	 * @param name what it writes, for the log
	 * @param maxBatch the most items in one batch
	 * @param executor its thread ({@link #executor(String, int)})
	 * @param phase its lifecycle phase: lower than the web server's, so that it stops
	 * after it and writes what was queued
	 */
	protected BatchWriter(String name, int maxBatch, AsyncTaskExecutor executor, int phase) {
		this.name = name;
		this.maxBatch = maxBatch;
		this.executor = executor;
		this.phase = phase;
	}

	/**
	 * The executor a writer runs on: one thread, stopped after the writer (its stop waits
	 * for the running loop, which ends only once the writer stopped).
	 * @param threadNamePrefix the thread's name
	 * @param writerPhase the writer's phase
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
	 * Writes a batch and answers its items.
	 * @param batch the items, in the order they came
	 */
	protected abstract void write(List<T> batch);

	/**
	 * Answers a batch's items when {@link #write(List)} threw.
	 * @param batch the items
	 * @param ex what it threw
	 */
	protected abstract void failed(List<T> batch, Throwable ex);

	/**
	 * Queues an item for the next batch.
	 * @param item the item
	 * @return whether it was queued: not when the writer is stopped
	 */
	protected boolean enqueue(T item) {
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
	protected int queued() {
		return this.queue.size();
	}

	@Override
	public void start() {
		this.running = true;
		this.loop = this.executor.submit(this::run);
	}

	/** Takes no more items, and waits up to 10 s for those taken to be written. */
	@Override
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

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
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
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// never lets the loop end, which would leave every later item waiting
				log.warn("The {} writer: {}", this.name, ex.getClass().getSimpleName());
				failed(batch, ex);
			}
			finally {
				batch.clear();
			}
		}
	}

}
