package org.kinship.checkins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A check-in as a member answers it: the Questionnaire of that id, in the reader's
 * language.
 *
 * @param id the Questionnaire's id ({@code phq-2})
 * @param title its title
 * @param questions its questions, in order
 */
public record CheckinForm(String id, String title, List<Question> questions) {

	/**
	 * A question by its {@code linkId}.
	 * @param linkId the question
	 * @return the question, or empty
	 */
	public Optional<Question> question(String linkId) {
		return this.questions.stream().filter((question) -> question.linkId().equals(linkId)).findFirst();
	}

	/**
	 * Each question's text by its {@code linkId}, in order.
	 * @return the texts
	 */
	public Map<String, String> texts() {
		Map<String, String> texts = new LinkedHashMap<>();
		this.questions.forEach((question) -> texts.put(question.linkId(), question.text()));
		return texts;
	}

}
