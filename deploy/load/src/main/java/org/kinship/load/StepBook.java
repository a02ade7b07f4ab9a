package org.kinship.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.kinship.load.Mix.Action;

/**
 * The books of one step of the capacity benchmark: every error from the moment its
 * members start being added, and, while its window is open, how long each page request
 * and each action took.
 */
final class StepBook {

	private final Latencies pages = new Latencies();

	private final Map<Action, Latencies> actions = new EnumMap<>(Action.class);

	private final LongAdder done = new LongAdder();

	private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	/** An action slower than this is counted in {@link #slow}. */
	static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	/**
	 * The most seconds of a window that {@link #slow} tells apart; later ones count as
	 * the last.
	 */
	private static final int TIMELINE_SECONDS = 600;

	/**
	 * Slow actions by the second of the window they started in (those started before it
	 * count in the first): whether a step's p99 comes from a slope or from a stall, and
	 * when.
	 */
	private final AtomicIntegerArray slow = new AtomicIntegerArray(TIMELINE_SECONDS);

	private volatile boolean open;

	private volatile long openedAt;

	StepBook() {
		for (Action action : Action.values()) {
			this.actions.put(action, new Latencies());
		}
	}

	void openWindow() {
		this.openedAt = System.nanoTime();
		this.open = true;
	}

	void closeWindow() {
		this.open = false;
	}

	/**
	 * A page request answered, whatever the answer.
	 * @param nanos from the request to its whole answer
	 */
	void page(long nanos) {
		if (this.open) {
			this.pages.record(nanos);
		}
	}

	/**
	 * An action done, with every request it made.
	 * @param action the action
	 * @param nanos from its start to its end
	 */
	void action(Action action, long nanos) {
		if (this.open) {
			this.actions.get(action).record(nanos);
			this.done.increment();
			if (nanos > SLOW_NANOS) {
				long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos - this.openedAt);
				this.slow.incrementAndGet((int) Math.max(0, Math.min(TIMELINE_SECONDS - 1, second)));
			}
		}
	}

	/**
	 * Something that went wrong, in a few words that name no person or session.
	 * @param what the kind of error
	 */
	void error(String what) {
		this.errors.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
	}

	long errors() {
		return this.errors.values().stream().mapToLong(AtomicInteger::get).sum();
	}

	double pageP99Millis() {
		return this.pages.percentileMillis(99);
	}

	long actionsDone() {
		return this.done.sum();
	}

	/**
	 * Each action's count and p50 and p99, for the step's report.
	 * @return one line per action done
	 */
	List<String> describeActions() {
		return this.actions.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().count() > 0)
			.map((entry) -> String.format(Locale.ROOT, "%s: %d, p50 %.1f ms, p99 %.1f ms", entry.getKey().label(),
					entry.getValue().count(), entry.getValue().percentileMillis(50),
					entry.getValue().percentileMillis(99)))
			.toList();
	}

	/**
	 * The actions slower than {@link #SLOW_NANOS}, by the second of the window they
	 * started in.
	 * @return {@code second: count} for each second that had any, in order; empty when
	 * none was slow
	 */
	String describeSlowSeconds() {
		StringBuilder seconds = new StringBuilder();
		for (int second = 0; second < TIMELINE_SECONDS; second++) {
			int count = this.slow.get(second);
			if (count > 0) {
				seconds.append(seconds.isEmpty() ? "" : ", ").append(second).append(": ").append(count);
			}
		}
		return seconds.toString();
	}

	/**
	 * The errors, most frequent first.
	 * @return one line per kind
	 */
	List<String> describeErrors() {
		return this.errors.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue().get() - a.getValue().get())
			.map((entry) -> entry.getValue().get() + " x " + entry.getKey())
			.collect(Collectors.toList());
	}

}
