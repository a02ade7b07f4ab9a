package org.kinship.broadcast;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recipient's progress with a broadcast, for its senders.
 *
 * @param fhirUser the recipient
 * @param deliveredAt when their screen had it, or {@code null}
 * @param seenAt when they opened it, or {@code null}
 * @param acknowledgedAt when they confirmed reading it, or {@code null}
 */
public record RecipientProgress(String fhirUser, @Nullable Instant deliveredAt, @Nullable Instant seenAt,
		@Nullable Instant acknowledgedAt) {
}
