package org.kinship.insights;

import org.jspecify.annotations.Nullable;

/**
 * A count as insights may show it: never exact. Under the threshold it is "fewer than
 * 11"; a cell that could reveal a hidden one is hidden too; otherwise a range of five
 * ({@code 11 to 15}, {@code 16 to 20}, ...) placed by the perturbed count, and for a
 * share a percentage rounded to 5 points.
 *
 * @param state what is shown
 * @param low the range's lowest count, for {@link State#RANGE}
 * @param high the range's highest count, for {@link State#RANGE}
 * @param percent the share in percent, rounded to 5, or {@code null} when not a share
 */
public record Shown(State state, int low, int high, @Nullable Integer percent) {

	/**
	 * Shown as fewer than the threshold.
	 * @return the value
	 */
	public static Shown fewer() {
		return new Shown(State.FEWER, 0, 0, null);
	}

	/**
	 * Hidden so that a hidden cell cannot be worked out from it.
	 * @return the value
	 */
	public static Shown hidden() {
		return new Shown(State.HIDDEN, 0, 0, null);
	}

	/**
	 * Whether a range is shown.
	 * @return true for a range
	 */
	public boolean visible() {
		return this.state == State.RANGE;
	}

	/**
	 * The stored form: {@code lt}, {@code hidden} or {@code low-high[-percent]}.
	 * @return the text
	 */
	public String encode() {
		return switch (this.state) {
			case FEWER -> "lt";
			case HIDDEN -> "hidden";
			case RANGE -> this.low + "-" + this.high + ((this.percent != null) ? "-" + this.percent : "");
		};
	}

	/**
	 * Reads the stored form.
	 * @param text the text
	 * @return the value
	 */
	public static Shown decode(String text) {
		if ("lt".equals(text)) {
			return fewer();
		}
		if ("hidden".equals(text)) {
			return hidden();
		}
		String[] parts = text.split("-");
		return new Shown(State.RANGE, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
				(parts.length > 2) ? Integer.valueOf(parts[2]) : null);
	}

	/** What is shown. */
	public enum State {

		/** "fewer than 11". */
		FEWER,
		/** Hidden to protect a cell that is. */
		HIDDEN,
		/** A range, and perhaps a share. */
		RANGE

	}

}
