package org.kinship.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a run that send: a probe until every client is seen to follow its group,
 * the timed run at a fixed rate, and saturation, where each of a number of senders sends
 * again as soon as its last message is acknowledged.
 */
final class Phases {

	private static final int PROBE_ROUNDS = 10;

	private Phases() {
	}

	/**
	 * Sends one message to each group, again until every client has been shown one, so
	 * that the timed run starts with every subscription in place.
	 * @param fleet the clients
	 * @return how many clients were shown their group's message
	 */
	static int awaitSubscribed(Fleet fleet) throws InterruptedException {
		int missing = fleet.members().size();
		for (int round = 1; round <= PROBE_ROUNDS && missing > 0; round++) {
			Ledger ledger = fleet.begin("probe" + round, fleet.groups());
			for (int group = 0; group < fleet.groups(); group++) {
				Member sender = firstOnline(fleet, group);
				if (sender != null) {
					sender.send(ledger, ledger.book(group));
				}
			}
			drain(ledger, 5);
			missing = ledger.clientsMissingMessages();
		}
		return fleet.members().size() - missing;
	}

	/**
	 * Sends at a fixed rate from random online clients, then waits for late deliveries.
	 * @param phase the phase's short name
	 * @param fleet the clients
	 * @param rate messages per second
	 * @param seconds for how long
	 * @param drainSeconds the longest wait for late deliveries
	 * @return the figures
	 */
	static Figures timed(String phase, Fleet fleet, int rate, int seconds, int drainSeconds)
			throws InterruptedException {
		int total = rate * seconds;
		Ledger ledger = fleet.begin(phase, total);
		List<Member> online = fleet.members().stream().filter(Member::online).toList();
		long start = System.nanoTime();
		for (int sent = 0; sent < total && !online.isEmpty(); sent++) {
			long due = start + sent * 1_000_000_000L / rate;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Member sender = online.get(ThreadLocalRandom.current().nextInt(online.size()));
			sender.send(ledger, ledger.book(sender.group()));
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.err.printf("sent %d messages in %.1f s%n", total, took);
		drain(ledger, drainSeconds);
		return ledger.figures();
	}

	/**
	 * Delivered messages per second at saturation: senders spread over the groups each
	 * keep one message in flight, sending the next as soon as the last is acknowledged.
	 * Counts deliveries over a window that opens after as long a warm-up.
	 * @param fleet the clients
	 * @param senders messages in flight
	 * @param seconds the window
	 * @param drainSeconds the longest wait for late deliveries after the window
	 * @return what was delivered
	 */
	static Saturation saturate(Fleet fleet, int senders, int seconds, int drainSeconds) throws InterruptedException {
		Ledger ledger = fleet.begin("sat", 1 << 20);
		List<Thread> threads = new ArrayList<>();
		long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2L * seconds);
		for (Member sender : fleet.members().stream().filter(Member::online).limit(senders).toList()) {
			Thread thread = new Thread(() -> sendUntil(fleet, ledger, sender, stopAt), "sender-" + threads.size());
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
		ledger.openWindow(seconds);
		for (Thread thread : threads) {
			thread.join();
		}
		drain(ledger, drainSeconds);
		return new Saturation(threads.size(), ledger.windowDeliveries() / (double) seconds,
				ledger.windowAcks() / (double) seconds, ledger.figures());
	}

	private static void sendUntil(Fleet fleet, Ledger ledger, Member sender, long stopAt) {
		try {
			while (System.nanoTime() < stopAt) {
				int number = ledger.book(sender.group());
				if (number < 0 || !sender.send(ledger, number)) {
					return;
				}
				while (sender.nextAck(10_000) == null) {
					fleet.problem("no acknowledgement within 10 s");
					if (System.nanoTime() >= stopAt) {
						return;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void drain(Ledger ledger, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			Figures figures = ledger.figures();
			if (figures.unanswered() == 0 && figures.lost() == 0) {
				return;
			}
			Thread.sleep(100);
		}
	}

	private static @Nullable Member firstOnline(Fleet fleet, int group) {
		return fleet.members()
			.stream()
			.filter((member) -> member.group() == group && member.online())
			.findFirst()
			.orElse(null);
	}

	/**
	 * Throughput at saturation.
	 *
	 * @param senders messages kept in flight
	 * @param deliveriesPerSecond messages shown to clients per second
	 * @param messagesPerSecond messages acknowledged per second
	 * @param figures the phase's figures, latencies included
	 */
	record Saturation(int senders, double deliveriesPerSecond, double messagesPerSecond, Figures figures) {
	}

}
