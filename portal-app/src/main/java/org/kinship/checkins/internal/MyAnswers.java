package org.kinship.checkins.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kinship.groups.GroupDirectory;
import org.kinship.groups.MyDataPart;

import org.springframework.stereotype.Component;

/**
 * A member's own check-in answers in their download: each questionnaire answered, in
 * which group and when, the answer to each question, the score and its band, and whether
 * they saved it to their record.
 */
@Component
class MyAnswers implements MyDataPart {

	private final CheckinStore answers;

	private final GroupDirectory groups;

	MyAnswers(CheckinStore answers, GroupDirectory groups) {
		this.answers = answers;
		this.groups = groups;
	}

	@Override
	public String name() {
		return "checkins";
	}

	@Override
	public List<Mine> of(String issuer, String fhirUser) {
		Map<Long, String> names = this.groups.names(issuer);
		return this.answers.ofMember(issuer, fhirUser)
			.stream()
			.map((answer) -> new Mine(answer.questionnaire(), names.getOrDefault(answer.groupId(), ""),
					answer.answeredAt(), answer.values(), answer.score(),
					answer.band().name().toLowerCase(java.util.Locale.ROOT),
					answer.recordStatus().toLowerCase(java.util.Locale.ROOT)))
			.toList();
	}

	/**
	 * One answered check-in.
	 *
	 * @param questionnaire the questionnaire, such as {@code phq-2}
	 * @param group the group's name
	 * @param answeredAt when
	 * @param answers the value given to each question, by the question's id
	 * @param score the score
	 * @param band the score's band
	 * @param record whether it was saved to the member's record
	 */
	record Mine(String questionnaire, String group, Instant answeredAt, Map<String, Integer> answers, int score,
			String band, String record) {
	}

}
