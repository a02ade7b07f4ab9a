package org.kinship.checkins;

import java.util.Map;

/**
 * What a check-in's answers add up to.
 *
 * @param total the score shown over time (for PROMIS Global-10, the global physical
 * health raw score)
 * @param band what the score means against the questionnaire's thresholds
 * @param atRisk whether the answers show risk: the member sees the crisis resources and
 * the group's staff get an urgent escalation
 * @param parts named sub-scores (PROMIS Global-10: {@code physical}, {@code mental}; the
 * medicines check-in: how many medicines got each answer), in order; empty for most
 * questionnaires
 * @param careDistress whether the answers show trouble managing care, as screening's
 * care-distress findings do for a message
 */
public record Score(int total, Band band, boolean atRisk, Map<String, Integer> parts, CareDistress careDistress) {

	/**
	 * Whether the member is shown the crisis resources at once: an answer showing risk,
	 * or urgent trouble managing care (as a care-distress message shows them).
	 * @return true to show them first
	 */
	public boolean showsCrisisResources() {
		return this.atRisk || this.careDistress == CareDistress.URGENT;
	}

	/** What a score means. */
	public enum Band {

		/** A screening questionnaire's total below its threshold. */
		NEGATIVE,
		/** A screening questionnaire's total at or over its threshold. */
		POSITIVE,
		/** A 0-10 rating of 0 to 3, or no seizures. */
		MILD,
		/** A 0-10 rating of 4 to 6, or 1 to 3 seizures. */
		MODERATE,
		/** A 0-10 rating of 7 or more, or 4 or more seizures. */
		SEVERE,
		/** A raw score with no threshold. */
		RAW,
		/** Every medicine taken as prescribed. */
		ALL_TAKEN,
		/** At least one medicine missed, run out of, stopped or with side effects. */
		SOME_NOT_TAKEN

	}

	/**
	 * Trouble managing care that the answers show, represented as screening's
	 * care-distress findings are.
	 */
	public enum CareDistress {

		/** None. */
		NONE,
		/** Possible trouble: a "please look" item for the group's facilitators. */
		LOOK,
		/** Trouble: an urgent escalation, and the crisis resources for the member. */
		URGENT

	}

}
