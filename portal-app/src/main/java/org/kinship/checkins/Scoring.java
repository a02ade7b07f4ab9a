package org.kinship.checkins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinship.checkins.Score.Band;
import org.kinship.checkins.Score.CareDistress;

/**
 * Scores the check-ins Kinship ships with, from the values of their answers (a choice's
 * value, or the number typed). Thresholds: PHQ-2 and GAD-2 are positive at 3 or more of
 * 6; a 0-10 rating is mild to 3, moderate to 6 and severe from 7; seizures are none, 1 to
 * 3, or 4 and more. Risk: a PHQ-2 of 3 or more, feeling down or hopeless nearly every
 * day, or the highest caregiver strain ("I cannot go on like this"). PROMIS Global-10
 * gives its two raw scores (each 4 to 20), pain and fatigue and emotional problems
 * recoded as PROMIS scores them. The medicines check-in counts the medicines not taken as
 * prescribed; running out of one is urgent care distress, stopping one a "please look"
 * (missed doses and side effects stay in the member's own trends).
 */
public final class Scoring {

	/** The score at which PHQ-2 and GAD-2 screen positive. */
	public static final int SCREEN_THRESHOLD = 3;

	/** The medicines check-in, whose questions are the member's own medicines. */
	public static final String MEDICINES = "medication-adherence";

	/** The answers to each medicine, by their value. */
	static final List<String> MEDICINE_ANSWERS = List.of("as-prescribed", "missed", "ran-out", "stopped",
			"side-effects");

	private static final int RAN_OUT = 2;

	private static final int STOPPED = 3;

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
			case MEDICINES -> medicines(values);
			default -> throw new IllegalArgumentException("Not a check-in Kinship scores: " + questionnaire);
		};
	}

	private static Score screen(int total, boolean positiveIsRisk, boolean riskAnswer) {
		boolean positive = total >= SCREEN_THRESHOLD;
		return new Score(total, positive ? Band.POSITIVE : Band.NEGATIVE, (positive && positiveIsRisk) || riskAnswer,
				Map.of(), CareDistress.NONE);
	}

	private static Score rating(int value, boolean risk) {
		Band band = (value >= 7) ? Band.SEVERE : (value >= 4) ? Band.MODERATE : Band.MILD;
		return new Score(value, band, risk, Map.of(), CareDistress.NONE);
	}

	private static Score seizures(int count) {
		Band band = (count >= 4) ? Band.SEVERE : (count >= 1) ? Band.MODERATE : Band.MILD;
		return new Score(count, band, false, Map.of(), CareDistress.NONE);
	}

	private static Score promis(Map<String, Integer> values) {
		int physical = values.get("global03") + values.get("global06") + painRecoded(values.get("global07"))
				+ (6 - values.get("global08"));
		int mental = values.get("global02") + values.get("global04") + values.get("global05")
				+ (6 - values.get("global10"));
		Map<String, Integer> parts = new LinkedHashMap<>();
		parts.put("physical", physical);
		parts.put("mental", mental);
		return new Score(physical, Band.RAW, false, parts, CareDistress.NONE);
	}

	private static Score medicines(Map<String, Integer> values) {
		Map<String, Integer> parts = new LinkedHashMap<>();
		MEDICINE_ANSWERS.forEach((answer) -> parts.put(answer, 0));
		values.values().forEach((value) -> parts.merge(MEDICINE_ANSWERS.get(value), 1, Integer::sum));
		int notTaken = values.size() - parts.get("as-prescribed");
		CareDistress distress = values.containsValue(RAN_OUT) ? CareDistress.URGENT
				: values.containsValue(STOPPED) ? CareDistress.LOOK : CareDistress.NONE;
		return new Score(notTaken, (notTaken == 0) ? Band.ALL_TAKEN : Band.SOME_NOT_TAKEN, false, parts, distress);
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
