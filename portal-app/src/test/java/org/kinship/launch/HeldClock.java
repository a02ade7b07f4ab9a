package org.kinship.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Real time until a test holds it; then it moves only when the test advances it, so that
 * a rule about tokens expiring never depends on how fast the machine is.
 */
final class HeldClock extends Clock {

	private volatile @Nullable Instant held;

	@Override
	public Instant instant() {
		Instant now = this.held;
		return (now != null) ? now : Instant.now();
	}

	/** Stops time where it is. */
	void hold() {
		this.held = Instant.now();
	}

	/**
	 * Moves held time ahead.
	 * @param duration how far
	 */
	void advance(Duration duration) {
		Instant now = this.held;
		if (now == null) {
			throw new IllegalStateException("hold the clock before moving it");
		}
		this.held = now.plus(duration);
	}

	/** Lets real time run again. */
	void release() {
		this.held = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Kinship reads time in UTC");
	}

}
