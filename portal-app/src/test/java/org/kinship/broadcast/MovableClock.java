package org.kinship.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time, moved ahead when a test asks, so that a test never waits for time to pass.
 */
final class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead);
	}

	void advance(Duration duration) {
		this.ahead = this.ahead.plus(duration);
	}

	void reset() {
		this.ahead = Duration.ZERO;
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
