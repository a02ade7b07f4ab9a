package org.kinship.broadcast;

import java.util.List;

/**
 * How far a broadcast has come with its recipients.
 *
 * @param broadcast the broadcast
 * @param counts the counts now
 * @param timeline cumulative counts at points after sending
 * @param mayListRecipients whether the viewer sent it, and so may see who has not
 * acknowledged
 * @param writeBack how far it is recorded in the EHR, or {@code null} in lists
 */
public record Tracking(Broadcast broadcast, Counts counts, List<Point> timeline, boolean mayListRecipients,
		org.kinship.broadcast.@org.jspecify.annotations.Nullable WriteBackReport writeBack) {

	/**
	 * Counts of recipients.
	 *
	 * @param total stored for
	 * @param delivered whose screen had it
	 * @param seen who opened it
	 * @param acknowledged who confirmed reading it
	 */
	public record Counts(int total, int delivered, int seen, int acknowledged) {

		public int deliveredPercent() {
			return percent(this.delivered);
		}

		public int seenPercent() {
			return percent(this.seen);
		}

		public int acknowledgedPercent() {
			return percent(this.acknowledged);
		}

		private int percent(int part) {
			return (this.total == 0) ? 0 : (int) Math.floor(100.0 * part / this.total);
		}

	}

	/**
	 * Cumulative counts some time after sending.
	 *
	 * @param label how long after sending, as {@code PT1H}
	 * @param counts the counts by then
	 */
	public record Point(String label, Counts counts) {
	}

}
