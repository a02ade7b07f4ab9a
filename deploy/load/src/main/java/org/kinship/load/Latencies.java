package org.kinship.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Send-to-delivery latencies in buckets of 0.1 ms up to a minute (later ones count in the
 * last bucket, and always in the maximum), recorded from many receiving threads without
 * locks.
 */
final class Latencies {

	private static final long BUCKET_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

	private static final int BUCKETS = 600_000;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong max = new AtomicLong();

	void record(long nanos) {
		long clamped = Math.max(0, nanos);
		this.counts.incrementAndGet((int) Math.min(BUCKETS - 1, clamped / BUCKET_NANOS));
		this.total.incrementAndGet();
		this.max.accumulateAndGet(clamped, Math::max);
	}

	/**
	 * A percentile, as the upper edge of its bucket.
	 * @param percent for example 99
	 * @return milliseconds, {@code 0} when nothing was recorded
	 */
	double percentileMillis(double percent) {
		long count = this.total.get();
		if (count == 0) {
			return 0;
		}
		long rank = (long) Math.ceil(count * percent / 100);
		long seen = 0;
		for (int bucket = 0; bucket < BUCKETS; bucket++) {
			seen += this.counts.get(bucket);
			if (seen >= rank) {
				return Math.min((bucket + 1) * BUCKET_NANOS, this.max.get()) / 1e6;
			}
		}
		return maxMillis();
	}

	double maxMillis() {
		return this.max.get() / 1e6;
	}

	long count() {
		return this.total.get();
	}

}
