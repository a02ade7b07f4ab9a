package org.kinship.load;

import java.util.Locale;

/**
 * What one phase of a run measured.
 *
 * @param clients clients online and subscribed
 * @param groups groups
 * @param sent messages sent
 * @param stored sends acknowledged as stored
 * @param held sends stored but held for review
 * @param refused sends refused (for example by the rate limit)
 * @param failed sends that failed (not stored)
 * @param unanswered sends with no reply at all
 * @param expected deliveries expected: each stored message at every client of its group
 * @param delivered expected deliveries made
 * @param lost expected deliveries not made, per client and message
 * @param duplicates messages shown a second time to the same client
 * @param foreign deliveries of messages this phase did not send
 * @param p50Millis median latency from send to delivery
 * @param p99Millis 99th percentile latency from send to delivery
 * @param maxMillis the longest latency from send to delivery
 */
record Figures(int clients, int groups, long sent, long stored, long held, long refused, long failed, long unanswered,
		long expected, long delivered, long lost, long duplicates, long foreign, double p50Millis, double p99Millis,
		double maxMillis) {

	String describe() {
		return String.format(Locale.ROOT, """
				sent %d: stored %d, held %d, refused %d, failed %d, unanswered %d
				deliveries expected %d, delivered %d, lost %d, duplicated %d, foreign %d
				latency send to delivery: p50 %.1f ms, p99 %.1f ms, max %.1f ms""", this.sent, this.stored, this.held,
				this.refused, this.failed, this.unanswered, this.expected, this.delivered, this.lost, this.duplicates,
				this.foreign, this.p50Millis, this.p99Millis, this.maxMillis);
	}

}
