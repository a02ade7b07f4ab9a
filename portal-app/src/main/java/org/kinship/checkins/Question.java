package org.kinship.checkins;

import java.util.List;

/**
 * One question of a check-in, in the reader's language.
 *
 * @param linkId the question's {@code linkId} in the Questionnaire
 * @param text the question
 * @param options the answers to choose from, in order; empty for a number
 * @param min the smallest number accepted (for a number)
 * @param max the largest number accepted (for a number)
 */
public record Question(String linkId, String text, List<Option> options, int min, int max) {

	/**
	 * Whether the answer is a whole number typed in, rather than a choice.
	 * @return true for a number
	 */
	public boolean number() {
		return this.options.isEmpty();
	}

	/**
	 * One answer to choose.
	 *
	 * @param code the answer's code
	 * @param display the answer, in the reader's language
	 * @param value the answer's value in the score
	 */
	public record Option(String code, String display, int value) {
	}

}
