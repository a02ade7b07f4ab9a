package org.kinship.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The running system's clock: real time, moved ahead when a test asks, or held still
 * while a test checks a rule about time. It never goes back, so that whatever the system
 * kept from an earlier moment stays in the past.
 */
final class MovableClock extends Clock {

	private Duration ahead = Duration.ZERO;

	private @Nullable Instant held;

	@Override
	public synchronized Instant instant() {
		return (this.held != null) ? this.held : Instant.now().plus(this.ahead);
	}

	/**
	 * Moves time ahead.
	 * @param duration how far
	 */
	synchronized void advance(Duration duration) {
		if (this.held != null) {
			this.held = this.held.plus(duration);
		}
		else {
			this.ahead = this.ahead.plus(duration);
		}
	}

	/** Stops time where it is, until {@link #release()}. */
	synchronized void hold() {
		this.held = instant();
	}

	/** Lets time run again from where it was held, never from before. */
	synchronized void release() {
		if (this.held != null) {
			Duration behind = Duration.between(Instant.now().plus(this.ahead), this.held);
			if (behind.compareTo(Duration.ZERO) > 0) {
				this.ahead = this.ahead.plus(behind);
			}
			this.held = null;
		}
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
