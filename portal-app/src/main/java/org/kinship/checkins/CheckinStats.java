package org.kinship.checkins;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kinship.checkins.Score.Band;
import org.kinship.checkins.internal.CheckinStore;
import org.kinship.checkins.internal.QuestionnaireCatalog;

import org.springframework.stereotype.Component;

/**
 * Check-in answers in bulk for a group's insights: who answered which check-in when, and
 * the band of the score only. Never for a page request. The medicines check-in is left
 * out: how a member takes their medicines counts in their own trends only.
 */
@Component
public class CheckinStats {

	private final CheckinStore store;

	private final QuestionnaireCatalog catalog;

	CheckinStats(CheckinStore store, QuestionnaireCatalog catalog) {
		this.store = store;
		this.catalog = catalog;
	}

	/**
	 * A check-in's title as people read it, from the catalog kept in memory.
	 * @param questionnaire the Questionnaire's id
	 * @param locale the page's language
	 * @return its title, or the id for a check-in Kinship no longer offers
	 */
	public String title(String questionnaire, Locale locale) {
		return this.catalog.form(questionnaire, locale).map(CheckinForm::title).orElse(questionnaire);
	}

	/**
	 * The check-ins a group runs.
	 * @param groupId the group
	 * @return the Questionnaire ids, with their intervals in days
	 */
	public Map<String, Integer> plan(long groupId) {
		Map<String, Integer> plan = new java.util.LinkedHashMap<>(this.store.plan(groupId));
		plan.remove(Scoring.MEDICINES);
		return plan;
	}

	/**
	 * The answers some members gave in a group since a time, oldest first.
	 * @param groupId the group
	 * @param members the members
	 * @param since the earliest time
	 * @return the answers
	 */
	public List<Answered> answers(long groupId, Collection<String> members, Instant since) {
		return this.store.inGroup(groupId, members, since)
			.stream()
			.filter((answer) -> !Scoring.MEDICINES.equals(answer.questionnaire()))
			.map((answer) -> new Answered(answer.member(), answer.questionnaire(), answer.band(), answer.answeredAt()))
			.toList();
	}

	/**
	 * One answer, by its band.
	 *
	 * @param member who answered
	 * @param questionnaire the check-in
	 * @param band the score's band
	 * @param answeredAt when
	 */
	public record Answered(String member, String questionnaire, Band band, Instant answeredAt) {
	}

}
