package org.kinship.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The active members of a capacity run and what they share: one STOMP client, one clock
 * that wakes each member for its next action, the books of the phase they act in, and the
 * broadcast each group was last sent.
 */
final class Crowd implements AutoCloseable {

	/** The most messages one phase books; far more than a step sends. */
	private static final int PHASE_MESSAGES = 200_000;

	private final String kinshipUrl;

	private final long thinkMillis;

	private final int groups;

	private final StompSockets sockets = new StompSockets();

	private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "member-clock");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Visitor> visitors = new CopyOnWriteArrayList<>();

	private volatile Ledger ledger;

	private volatile @Nullable Ledger previous;

	private volatile StepBook book = new StepBook();

	private volatile long[] broadcasts;

	private volatile boolean acting = true;

	/**
	 * @param kinshipUrl where members reach Kinship (a node, or the load balancer)
	 * @param thinkMillis the mean time between the end of a member's action and its next
	 * @param groups how many groups the members are in
	 */
	Crowd(String kinshipUrl, long thinkMillis, int groups) {
		this.kinshipUrl = kinshipUrl;
		this.thinkMillis = thinkMillis;
		this.groups = groups;
		this.broadcasts = new long[groups];
		java.util.Arrays.fill(this.broadcasts, -1);
		this.ledger = new Ledger("start", 1, new int[0], groups);
	}

	/**
	 * Starts a phase: the ledger of the messages sent from now on, expected at every
	 * member active now, and the books that count errors and latencies.
	 * @param phase a short name, unique in the run
	 * @param book the phase's books
	 * @return the ledger
	 */
	synchronized Ledger begin(String phase, StepBook book) {
		int[] homes = this.visitors.stream().mapToInt(Visitor::group).toArray();
		Ledger next = new Ledger(phase, PHASE_MESSAGES, homes, this.groups);
		this.previous = this.ledger;
		this.ledger = next;
		this.book = book;
		return next;
	}

	/**
	 * Makes a connected member active: it is given the next place in the run and starts
	 * acting after a random part of a think time.
	 * @param visitor the member, its socket open
	 */
	synchronized void join(Visitor visitor) {
		visitor.joined(this.visitors.size());
		this.visitors.add(visitor);
		later(visitor::act, ThreadLocalRandom.current().nextLong(this.thinkMillis + 1));
	}

	int size() {
		return this.visitors.size();
	}

	int online() {
		return (int) this.visitors.stream().filter(Visitor::online).count();
	}

	/**
	 * Wakes a member for its next action after a think time, half to one and a half times
	 * the mean.
	 * @param action the member's next action
	 */
	void afterThinking(Runnable action) {
		later(action, this.thinkMillis / 2 + ThreadLocalRandom.current().nextLong(this.thinkMillis + 1));
	}

	private void later(Runnable action, long millis) {
		if (this.acting) {
			this.clock.schedule(action, millis, TimeUnit.MILLISECONDS);
		}
	}

	String kinshipUrl() {
		return this.kinshipUrl;
	}

	String socketUrl() {
		return this.kinshipUrl.replaceFirst("^http", "ws") + "/ws";
	}

	StompSockets sockets() {
		return this.sockets;
	}

	Ledger ledger() {
		return this.ledger;
	}

	@Nullable Ledger previous() {
		return this.previous;
	}

	StepBook book() {
		return this.book;
	}

	void error(String what) {
		this.book.error(what);
	}

	/**
	 * The broadcasts members acknowledge from now on.
	 * @param ids for each group, its latest broadcast
	 */
	void broadcasts(long[] ids) {
		this.broadcasts = ids.clone();
	}

	long broadcastOf(int group) {
		return this.broadcasts[group];
	}

	@Override
	public void close() {
		this.acting = false;
		this.clock.shutdownNow();
		this.visitors.forEach(Visitor::close);
		this.sockets.close();
	}

}
