package org.kinship.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a step of the capacity benchmark must stay within for its members to count as
 * held: page p99, send-to-delivery p99, and errors.
 *
 * @param pageP99Millis the slowest a page request's p99 may be
 * @param messageP99Millis the slowest a message's p99 from send to delivery may be
 * @param errors the most errors a step may have
 */
record Thresholds(double pageP99Millis, double messageP99Millis, long errors) {

	/** The issue's: page p99 300 ms, message p99 150 ms, no error. */
	static Thresholds standard() {
		return new Thresholds(300, 150, 0);
	}

	/**
	 * What a step broke.
	 * @param step the step's figures
	 * @return one line per threshold broken, empty when the step held
	 */
	List<String> broken(StepFigures step) {
		List<String> broken = new ArrayList<>();
		if (step.pageP99Millis() > this.pageP99Millis) {
			broken.add(String.format(Locale.ROOT, "page p99 %.1f ms over %.0f ms", step.pageP99Millis(),
					this.pageP99Millis));
		}
		if (step.messageP99Millis() > this.messageP99Millis) {
			broken.add(String.format(Locale.ROOT, "message p99 %.1f ms over %.0f ms", step.messageP99Millis(),
					this.messageP99Millis));
		}
		if (step.errors() > this.errors) {
			broken.add(step.errors() + " errors");
		}
		return broken;
	}

}
