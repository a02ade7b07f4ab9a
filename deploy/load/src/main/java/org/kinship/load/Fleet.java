package org.kinship.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Every client of a run, over one STOMP client ({@link StompSockets}): per connection the
 * load generator keeps only the socket, its buffers and the member's books.
 */
final class Fleet implements AutoCloseable {

	/**
	 * Connections opened at once, so that a server is not handed thousands of handshakes.
	 */
	private static final int CONNECTING = 32;

	private final List<Member> members = new ArrayList<>();

	private final int[] clientGroups;

	private final int groups;

	private final StompSockets client = new StompSockets();

	private final Map<String, AtomicInteger> problems = new ConcurrentHashMap<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile Ledger ledger;

	/**
	 * @param groupIds the server's id of each group
	 * @param clients how many clients, client {@code i} following group
	 * {@code i % groups}
	 */
	Fleet(long[] groupIds, int clients) {
		this.groups = groupIds.length;
		this.clientGroups = new int[clients];
		for (int index = 0; index < clients; index++) {
			this.clientGroups[index] = index % this.groups;
			this.members.add(new Member(index, this.clientGroups[index], groupIds[this.clientGroups[index]], this));
		}
		this.ledger = new Ledger("idle", 1, this.clientGroups, this.groups);
	}

	/**
	 * Connects every client, {@value #CONNECTING} at a time.
	 * @param url the server's {@code /ws} endpoint
	 * @param cookies each client's cookies, or {@code null} for a server without sign-in
	 * @return how many connected
	 */
	int connect(String url, @Nullable List<String> cookies) throws InterruptedException {
		Semaphore connecting = new Semaphore(CONNECTING);
		List<CompletableFuture<Void>> connections = new ArrayList<>();
		for (int index = 0; index < this.members.size(); index++) {
			connecting.acquire();
			String cookie = (cookies != null) ? cookies.get(index) : null;
			connections.add(this.members.get(index)
				.connect(this.client, url, cookie)
				.orTimeout(60, TimeUnit.SECONDS)
				.whenComplete((done, failure) -> connecting.release()));
		}
		int connected = 0;
		for (CompletableFuture<Void> connection : connections) {
			try {
				connection.join();
				connected++;
			}
			catch (RuntimeException ex) {
				problem("connect " + rootCause(ex));
			}
		}
		return connected;
	}

	List<Member> members() {
		return this.members;
	}

	int online() {
		return (int) this.members.stream().filter(Member::online).count();
	}

	/**
	 * Starts a new phase: the ledger every client books into from now on.
	 * @param phase the phase's short name
	 * @param capacity the most messages it sends
	 * @return the ledger
	 */
	Ledger begin(String phase, int capacity) {
		this.members.forEach(Member::forgetAcks);
		this.ledger = new Ledger(phase, capacity, this.clientGroups, this.groups);
		return this.ledger;
	}

	Ledger ledger() {
		return this.ledger;
	}

	int groups() {
		return this.groups;
	}

	void problem(String what) {
		this.problems.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * What went wrong so far, most frequent first, and forgets it.
	 * @return one line per kind of problem
	 */
	List<String> takeProblems() {
		List<String> lines = this.problems.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue().get() - a.getValue().get())
			.map((entry) -> entry.getValue().get() + " x " + entry.getKey())
			.toList();
		this.problems.clear();
		return lines;
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.members.forEach(Member::close);
		this.client.close();
	}

	private static String rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
