package org.kinship.load;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Adds members in steps until a step breaks a threshold, as Mattermost's load-test-ng
 * looks for the most users a deployment holds: the answer is the last step that held.
 */
final class Ramp {

	private Ramp() {
	}

	/**
	 * Runs steps of {@code start}, {@code start + step}, ... members, up to {@code most},
	 * until one breaks a threshold.
	 * @param start members in the first step
	 * @param step members added at each step
	 * @param most the most members to try
	 * @param thresholds what a step must stay within
	 * @param steps runs one step with the given number of members
	 * @return the last step that held and the first that broke, either may be missing
	 */
	static Outcome climb(int start, int step, int most, Thresholds thresholds, Step steps) throws Exception {
		if (start < 1 || step < 1 || most < start) {
			throw new IllegalArgumentException("start at one member or more, add one or more, up to at least start");
		}
		StepFigures held = null;
		for (int members = start; members <= most; members += step) {
			StepFigures figures = steps.run(members);
			List<String> broken = thresholds.broken(figures);
			if (!broken.isEmpty()) {
				return new Outcome(held, figures, broken);
			}
			held = figures;
		}
		return new Outcome(held, null, List.of());
	}

	/** One step of a climb. */
	@FunctionalInterface
	interface Step {

		/**
		 * @param members the members to have active, more than the step before
		 * @return what the step measured
		 */
		StepFigures run(int members) throws Exception;

	}

	/**
	 * How a climb ended.
	 *
	 * @param held the last step within every threshold, or {@code null} when the first
	 * broke one
	 * @param broke the first step that broke one, or {@code null} when the most members
	 * tried held
	 * @param reasons what it broke
	 */
	record Outcome(@Nullable StepFigures held, @Nullable StepFigures broke, List<String> reasons) {

		int activeMembers() {
			return (this.held != null) ? this.held.members() : 0;
		}

	}

}
