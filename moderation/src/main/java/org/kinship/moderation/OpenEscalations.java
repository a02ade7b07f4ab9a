package org.kinship.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The urgent escalations still open in the review queue, across every community of this
 * deployment: how many ({@code kinship.escalations.open}) and how long the oldest has
 * waited ({@code kinship.escalations.oldest.age}, zero when none is open). Read from the
 * database, so every node reports the same figures, at most once every {@link #REFRESH}
 * however often they are scraped.
 */
@Component
class OpenEscalations implements MeterBinder {

	/** How long a reading is reused. */
	static final Duration REFRESH = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private @Nullable Reading last;

	OpenEscalations(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("kinship.escalations.open", this, (escalations) -> escalations.reading().open())
			.description("Urgent escalations open in the review queue")
			.register(registry);
		TimeGauge
			.builder("kinship.escalations.oldest.age", this, TimeUnit.SECONDS,
					(escalations) -> escalations.reading().oldestAgeSeconds(escalations.clock.instant()))
			.description("How long the oldest open urgent escalation has waited")
			.register(registry);
	}

	synchronized Reading reading() {
		Instant now = this.clock.instant();
		if (this.last == null || this.last.readAt().plus(REFRESH).isBefore(now)) {
			try {
				this.last = this.jdbc
					.sql("SELECT COUNT(*), MIN(created_at) FROM review_item WHERE kind = 'ESCALATED' "
							+ "AND status = 'OPEN'")
					.query((rs, row) -> {
						Timestamp oldest = rs.getTimestamp(2);
						return new Reading(rs.getLong(1), (oldest != null) ? oldest.toInstant() : null, now);
					})
					.single();
			}
			catch (DataAccessException ex) {
				// the database is away: readiness says so; the gauges keep the last
				// reading
				return (this.last != null) ? this.last : new Reading(0, null, now);
			}
		}
		return this.last;
	}

	/**
	 * One look at the queue.
	 *
	 * @param open how many escalations are open
	 * @param oldest when the oldest was raised, or {@code null} when none is open
	 * @param readAt when the queue was read
	 */
	record Reading(long open, @Nullable Instant oldest, Instant readAt) {

		double oldestAgeSeconds(Instant now) {
			return (this.oldest != null) ? Math.max(0, Duration.between(this.oldest, now).toMillis() / 1000.0) : 0;
		}

	}

}
