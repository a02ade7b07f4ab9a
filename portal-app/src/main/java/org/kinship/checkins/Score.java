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
 * @param parts named sub-scores (PROMIS Global-10: {@code physical}, {@code mental}), in
 * order; empty for most questionnaires
 */
public record Score(int total, Band band, boolean atRisk, Map<String, Integer> parts) {

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
		RAW

	}

}
