package org.kinship.checkins;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kinship.checkins.Score.Band;

/**
 * Scores the check-ins Kinship ships with, from the values of their answers (a choice's
 * value, or the number typed). Thresholds: PHQ-2 and GAD-2 are positive at 3 or more of
 * 6; a 0-10 rating is mild to 3, moderate to 6 and severe from 7; seizures are none, 1 to
 * 3, or 4 and more. Risk: a PHQ-2 of 3 or more, feeling down or hopeless nearly every
 * day, or the highest caregiver strain ("I cannot go on like this"). PROMIS Global-10
 * gives its two raw scores (each 4 to 20), pain and fatigue and emotional problems
 * recoded as PROMIS scores them.
 */
public final class Scoring {

	/** The score at which PHQ-2 and GAD-2 screen positive. */
	public static final int SCREEN_THRESHOLD = 3;

	private Scoring() {
	}

	/**
	 * Scores complete answers.
	 * @param questionnaire the Questionnaire's id
	 * @param values each question's value by {@code linkId}, every question answered
	 * @return the score
	 * @throws IllegalArgumentException for a questionnaire Kinship does not score
	 */
	public static Score score(String questionnaire, Map<String, Integer> values) {
		return switch (questionnaire) {
			case "phq-2" -> screen(values.get("phq2-1") + values.get("phq2-2"), true, values.get("phq2-2") == 3);
			case "gad-2" -> screen(values.get("gad2-1") + values.get("gad2-2"), false, false);
			case "breathlessness" -> rating(values.get("breath-1"), false);
			case "pain-interference" -> rating(values.get("pain-1"), false);
			case "caregiver-strain" -> rating(values.get("strain-1"), values.get("strain-1") == 10);
			case "seizure-count" -> seizures(values.get("seizure-1"));
			case "promis-global-10" -> promis(values);
			default -> throw new IllegalArgumentException("Not a check-in Kinship scores: " + questionnaire);
		};
	}

	private static Score screen(int total, boolean positiveIsRisk, boolean riskAnswer) {
		boolean positive = total >= SCREEN_THRESHOLD;
		return new Score(total, positive ? Band.POSITIVE : Band.NEGATIVE, (positive && positiveIsRisk) || riskAnswer,
				Map.of());
	}

	private static Score rating(int value, boolean risk) {
		Band band = (value >= 7) ? Band.SEVERE : (value >= 4) ? Band.MODERATE : Band.MILD;
		return new Score(value, band, risk, Map.of());
	}

	private static Score seizures(int count) {
		Band band = (count >= 4) ? Band.SEVERE : (count >= 1) ? Band.MODERATE : Band.MILD;
		return new Score(count, band, false, Map.of());
	}

	private static Score promis(Map<String, Integer> values) {
		int physical = values.get("global03") + values.get("global06") + painRecoded(values.get("global07"))
				+ (6 - values.get("global08"));
		int mental = values.get("global02") + values.get("global04") + values.get("global05")
				+ (6 - values.get("global10"));
		Map<String, Integer> parts = new LinkedHashMap<>();
		parts.put("physical", physical);
		parts.put("mental", mental);
		return new Score(physical, Band.RAW, false, parts);
	}

	/** PROMIS's recoding of the 0-10 pain rating to 1-5 (Global07rc). */
	static int painRecoded(int pain) {
		if (pain == 0) {
			return 5;
		}
		if (pain <= 3) {
			return 4;
		}
		if (pain <= 6) {
			return 3;
		}
		return (pain <= 9) ? 2 : 1;
	}

}
