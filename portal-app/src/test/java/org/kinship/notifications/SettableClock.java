package org.kinship.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Real time until a test sets it; then it moves only when the test moves it, so that
 * batching windows, quiet hours and digest hours never depend on when the tests run.
 */
final class SettableClock extends Clock {

	private volatile @Nullable Instant held;

	@Override
	public Instant instant() {
		Instant now = this.held;
		return (now != null) ? now : Instant.now();
	}

	void set(Instant instant) {
		this.held = instant;
	}

	void advance(Duration duration) {
		this.held = instant().plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Kinship reads time in UTC");
	}

	/** Makes a settable clock the application's clock: {@code @Import} it in a test. */
	@TestConfiguration(proxyBeanMethods = false)
	static class AsTheClock {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
