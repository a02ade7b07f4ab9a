package org.kinship.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Counts of notification e-mails by outcome ({@code kinship.notifications.emails}). */
@Component
class NotificationMeters {

	private final Counter sent;

	private final Counter failed;

	private final Counter bounced;

	NotificationMeters(MeterRegistry registry) {
		this.sent = counter(registry, "sent");
		this.failed = counter(registry, "failed");
		this.bounced = counter(registry, "bounced");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("kinship.notifications.emails")
			.description("Notification e-mails by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	void sent(int count) {
		this.sent.increment(count);
	}

	void failed() {
		this.failed.increment();
	}

	void bounced() {
		this.bounced.increment();
	}

}
