package org.kinship.load;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The books of one phase of a run: every message sent (its group, when it left, how it
 * was answered) and every delivery, per client. A message is known by the client id it
 * was sent under, {@code load-<phase>-<number>}; a client that sees the same client id
 * twice has been shown one message twice, which is a duplicate whether or not the server
 * stored it twice.
 */
final class Ledger {

	static final int STORED = 1;

	static final int HELD = 2;

	static final int REFUSED = 3;

	static final int FAILED = 4;

	static final int NOT_SENT = 5;

	/** The most refusals and failures whose reasons a phase prints. */
	private static final int EXPLAINED = 5;

	private final String prefix;

	private final int capacity;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger explained = new AtomicInteger();

	private final AtomicIntegerArray groupOf;

	private final AtomicLongArray sentAt;

	private final AtomicIntegerArray outcome;

	private final int[] clientGroup;

	private final int groups;

	private final BitSet[] seen;

	private final LongAdder receipts = new LongAdder();

	private final LongAdder duplicates = new LongAdder();

	private final LongAdder foreign = new LongAdder();

	private final LongAdder windowDeliveries = new LongAdder();

	private final LongAdder windowAcks = new LongAdder();

	private final Latencies latencies = new Latencies();

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MAX_VALUE;

	/**
	 * @param phase a short name, unique within the run
	 * @param capacity the most messages the phase sends
	 * @param clientGroup the group of each client (its index in the run)
	 * @param groups how many groups
	 */
	Ledger(String phase, int capacity, int[] clientGroup, int groups) {
		this.prefix = "load-" + phase + "-";
		this.capacity = capacity;
		this.groupOf = new AtomicIntegerArray(capacity);
		this.sentAt = new AtomicLongArray(capacity);
		this.outcome = new AtomicIntegerArray(capacity);
		this.clientGroup = clientGroup.clone();
		this.groups = groups;
		this.seen = new BitSet[clientGroup.length];
		for (int client = 0; client < this.seen.length; client++) {
			this.seen[client] = new BitSet();
		}
	}

	/**
	 * Books a message about to be sent to a group.
	 * @param group the group's index
	 * @return its number, or {@code -1} when the phase is full
	 */
	int book(int group) {
		int number = this.next.getAndIncrement();
		if (number >= this.capacity) {
			return -1;
		}
		this.groupOf.set(number, group);
		return number;
	}

	String clientId(int number) {
		return this.prefix + number;
	}

	void sending(int number) {
		this.sentAt.set(number, System.nanoTime());
	}

	void notSent(int number) {
		this.outcome.set(number, NOT_SENT);
	}

	/**
	 * Reads a reply to a send.
	 * @param reply the reply frame's JSON
	 * @return the message's number, or {@code -1} for a reply to another phase
	 */
	int acknowledged(byte[] reply) {
		String json = new String(reply, StandardCharsets.ISO_8859_1);
		int number = number(json);
		if (number < 0) {
			return -1;
		}
		String answer = field(json, "\"outcome\":\"");
		int outcome = switch (answer) {
			case "STORED" -> STORED;
			case "HELD" -> HELD;
			case "REFUSED" -> REFUSED;
			default -> FAILED;
		};
		this.outcome.set(number, outcome);
		if ((outcome == REFUSED || outcome == FAILED) && this.explained.getAndIncrement() < EXPLAINED) {
			// the benchmark's own text: the reason is all a failure says about itself
			System.err.println("message " + number + " answered " + (answer.isEmpty() ? "without an outcome" : answer)
					+ ": " + field(json, "\"reason\":\""));
		}
		if (inWindow(System.nanoTime())) {
			this.windowAcks.increment();
		}
		return number;
	}

	/**
	 * Counts a message a client was shown.
	 * @param client the client's index
	 * @param message the message frame's JSON
	 * @param now when it arrived ({@link System#nanoTime()})
	 */
	void delivered(int client, byte[] message, long now) {
		if (!deliveredIfOwn(client, message, now)) {
			this.receipts.increment();
			this.foreign.increment();
		}
	}

	/**
	 * Counts a message a client was shown when this phase sent it; a client that joined
	 * the run after the phase began is not expected to see it, and its deliveries are
	 * left out.
	 * @param client the client's index in the run
	 * @param message the message frame's JSON
	 * @param now when it arrived ({@link System#nanoTime()})
	 * @return false when another phase sent it
	 */
	boolean deliveredIfOwn(int client, byte[] message, long now) {
		int number = number(new String(message, StandardCharsets.ISO_8859_1));
		if (number < 0) {
			return false;
		}
		if (client >= this.seen.length) {
			return true;
		}
		this.receipts.increment();
		recordDelivery(client, number, now);
		return true;
	}

	/**
	 * How many clients the phase expects deliveries at.
	 * @return the clients
	 */
	int clients() {
		return this.seen.length;
	}

	private void recordDelivery(int client, int number, long now) {
		BitSet shown = this.seen[client];
		boolean first;
		synchronized (shown) {
			first = !shown.get(number);
			shown.set(number);
		}
		if (!first) {
			this.duplicates.increment();
			return;
		}
		this.latencies.record(now - this.sentAt.get(number));
		if (inWindow(now)) {
			this.windowDeliveries.increment();
		}
	}

	/**
	 * Counts deliveries and acknowledgements from now on for a number of seconds.
	 * @param seconds the window's length
	 */
	void openWindow(int seconds) {
		long now = System.nanoTime();
		this.windowEnd = now + seconds * 1_000_000_000L;
		this.windowStart = now;
	}

	long windowDeliveries() {
		return this.windowDeliveries.sum();
	}

	long windowAcks() {
		return this.windowAcks.sum();
	}

	int outcome(int number) {
		return this.outcome.get(number);
	}

	/**
	 * The phase's figures so far. Each stored message is expected once at every client of
	 * its group; what a client was not shown is lost.
	 * @return the figures
	 */
	Figures figures() {
		int sent = Math.min(this.next.get(), this.capacity);
		BitSet[] storedIn = new BitSet[this.groups];
		int[] counts = new int[6];
		for (int group = 0; group < this.groups; group++) {
			storedIn[group] = new BitSet(sent);
		}
		for (int number = 0; number < sent; number++) {
			int answer = this.outcome.get(number);
			counts[answer]++;
			if (answer == STORED) {
				storedIn[this.groupOf.get(number)].set(number);
			}
		}
		long expected = 0;
		long delivered = 0;
		for (int client = 0; client < this.seen.length; client++) {
			BitSet shown = (BitSet) storedIn[this.clientGroup[client]].clone();
			expected += shown.cardinality();
			synchronized (this.seen[client]) {
				shown.and(this.seen[client]);
			}
			delivered += shown.cardinality();
		}
		return new Figures(this.seen.length, this.groups, sent - counts[NOT_SENT], counts[STORED], counts[HELD],
				counts[REFUSED], counts[FAILED], counts[0], expected, delivered, expected - delivered,
				this.duplicates.sum(), this.foreign.sum(), this.latencies.percentileMillis(50),
				this.latencies.percentileMillis(99), this.latencies.maxMillis());
	}

	/**
	 * How many clients missed at least one stored message of their group.
	 * @return the clients
	 */
	int clientsMissingMessages() {
		int sent = Math.min(this.next.get(), this.capacity);
		int missing = 0;
		for (int client = 0; client < this.seen.length; client++) {
			for (int number = 0; number < sent; number++) {
				if (this.outcome.get(number) == STORED && this.groupOf.get(number) == this.clientGroup[client]
						&& !seen(client, number)) {
					missing++;
					break;
				}
			}
		}
		return missing;
	}

	private boolean seen(int client, int number) {
		synchronized (this.seen[client]) {
			return this.seen[client].get(number);
		}
	}

	private boolean inWindow(long now) {
		return now >= this.windowStart && now < this.windowEnd;
	}

	private int number(String json) {
		String id = field(json, "\"clientId\":\"");
		if (!id.startsWith(this.prefix)) {
			return -1;
		}
		try {
			int number = Integer.parseInt(id, this.prefix.length(), id.length(), 10);
			return (number < this.capacity) ? number : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String field(String json, String start) {
		int from = json.indexOf(start);
		if (from < 0) {
			return "";
		}
		from += start.length();
		int to = json.indexOf('"', from);
		return (to < 0) ? "" : json.substring(from, to);
	}

}
