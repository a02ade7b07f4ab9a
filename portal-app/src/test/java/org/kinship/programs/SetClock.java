package org.kinship.programs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time set by the test and moved only when it says, so that a program's end and its
 * owner's reminder never wait for days to pass.
 */
final class SetClock extends Clock {

	private volatile Instant now = Instant.now();

	@Override
	public Instant instant() {
		return this.now;
	}

	void set(Instant instant) {
		this.now = instant;
	}

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
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
