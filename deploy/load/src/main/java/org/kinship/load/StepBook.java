package org.kinship.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

	private volatile boolean open;

	StepBook() {
		for (Action action : Action.values()) {
			this.actions.put(action, new Latencies());
		}
	}

	void openWindow() {
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
