package org.kinship.checkins;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kinship.shared.Refused;

/**
 * Reads what a member typed or chose against a check-in's questions: every question
 * answered, a choice among its answers, a number whole and within its range.
 */
final class AnswerReading {

	private AnswerReading() {
	}

	static Map<String, Integer> values(CheckinForm form, Map<String, String> typed) {
		Map<String, Integer> values = new LinkedHashMap<>();
		int number = 0;
		for (Question question : form.questions()) {
			number++;
			String text = typed.getOrDefault(question.linkId(), "").strip();
			if (text.isEmpty()) {
				throw new Refused("checkins.error.missing", number);
			}
			values.put(question.linkId(),
					question.number() ? number(question, text, number) : choice(question, text, number));
		}
		return values;
	}

	/**
	 * Refuses an answer to a question of a made-for-the-member check-in that was not
	 * asked of this member: a medicine that is not among their own.
	 */
	static void onlyAsked(CheckinForm form, Map<String, String> typed, String linkPrefix) {
		boolean foreign = typed.keySet()
			.stream()
			.anyMatch((linkId) -> linkId.startsWith(linkPrefix) && form.question(linkId).isEmpty());
		if (foreign) {
			throw new Refused("checkins.error.not-your-medicine");
		}
	}

	private static int number(Question question, String text, int number) {
		try {
			int value = Integer.parseInt(text);
			if (value >= question.min() && value <= question.max()) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as a value out of range
		}
		throw new Refused("checkins.error.range", number, question.min(), question.max());
	}

	private static int choice(Question question, String code, int number) {
		return question.options()
			.stream()
			.filter((option) -> option.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new Refused("checkins.error.choice", number))
			.value();
	}

}
