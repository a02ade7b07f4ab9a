package org.kinship.load;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many members pressing "I have read this" at once: each launched persona acknowledges
 * each broadcast once, from one of its sessions, with the form of the broadcast's page
 * opened before the burst, as a member reading it would have it open. A recipient can
 * acknowledge a broadcast only once, so the count of acknowledgements is personas times
 * broadcasts.
 */
final class AcknowledgementBurst {

	private final List<Press> presses = new ArrayList<>();

	private final Latencies latencies = new Latencies();

	private final AtomicInteger refused = new AtomicInteger();

	/**
	 * Opens each broadcast's page in the sessions that will acknowledge it.
	 * @param kinship Kinship's base URL
	 * @param sessions the sessions, session {@code i} of persona {@code i % personas}
	 * @param personas how many personas the sessions share
	 * @param broadcastIds the broadcasts to acknowledge
	 * @param threads pages opened at once
	 * @return the burst, ready
	 */
	static AcknowledgementBurst prepare(String kinship, List<Browser> sessions, int personas, List<Long> broadcastIds,
			int threads) throws Exception {
		AcknowledgementBurst burst = new AcknowledgementBurst();
		int perPersona = Math.max(1, sessions.size() / personas);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Press>> opened = new ArrayList<>();
			for (int b = 0; b < broadcastIds.size(); b++) {
				long id = broadcastIds.get(b);
				for (int persona = 0; persona < personas; persona++) {
					Browser session = sessions
						.get(Math.min(sessions.size() - 1, persona + personas * (b % perPersona)));
					opened.add(pool.submit(
							() -> new Press(session, session.form(kinship + "/broadcasts/" + id, "acknowledge-form"))));
				}
			}
			for (Future<Press> press : opened) {
				burst.presses.add(press.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		return burst;
	}

	/**
	 * Presses every button, {@code threads} at a time.
	 * @param threads requests at once
	 * @return the burst's wall time in nanoseconds
	 */
	long run(int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> pressed = new ArrayList<>();
			for (Press press : this.presses) {
				pressed.add(pool.submit(() -> {
					go.await();
					long start = System.nanoTime();
					HttpResponse<String> answer = press.session().post(press.form(), Map.of());
					this.latencies.record(System.nanoTime() - start);
					if (answer.statusCode() != 302) {
						this.refused.incrementAndGet();
					}
					return null;
				}));
			}
			long start = System.nanoTime();
			go.countDown();
			for (Future<?> press : pressed) {
				press.get();
			}
			return System.nanoTime() - start;
		}
		finally {
			pool.shutdownNow();
		}
	}

	int presses() {
		return this.presses.size();
	}

	int refused() {
		return this.refused.get();
	}

	Latencies latencies() {
		return this.latencies;
	}

	/**
	 * One acknowledgement to make.
	 *
	 * @param session the member's session
	 * @param form the broadcast's acknowledge form
	 */
	private record Press(Browser session, Browser.Form form) {
	}

}
