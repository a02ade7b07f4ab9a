package org.kinship.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cumulative counts of a broadcast at fixed points after it was sent. */
final class Timeline {

	private static final List<Duration> POINTS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(7));

	private Timeline() {
	}

	static List<Tracking.Point> of(Broadcast broadcast, List<RecipientProgress> progress, Instant now) {
		if (broadcast.sentAt() == null) {
			return List.of();
		}
		List<Tracking.Point> points = new ArrayList<>();
		for (Duration point : POINTS) {
			Instant by = broadcast.sentAt().plus(point);
			if (by.isAfter(now)) {
				break;
			}
			points.add(new Tracking.Point(point.toString(), counts(progress, by)));
		}
		return points;
	}

	private static Tracking.Counts counts(List<RecipientProgress> progress, Instant by) {
		int delivered = 0;
		int seen = 0;
		int acknowledged = 0;
		for (RecipientProgress recipient : progress) {
			delivered += before(recipient.deliveredAt(), by);
			seen += before(recipient.seenAt(), by);
			acknowledged += before(recipient.acknowledgedAt(), by);
		}
		return new Tracking.Counts(progress.size(), delivered, seen, acknowledged);
	}

	private static int before(java.time.@org.jspecify.annotations.Nullable Instant at, Instant by) {
		return (at != null && !at.isAfter(by)) ? 1 : 0;
	}

}
