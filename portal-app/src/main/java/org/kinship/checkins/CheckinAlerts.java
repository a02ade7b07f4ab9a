package org.kinship.checkins;

import java.time.Instant;
import java.util.Optional;

import org.kinship.checkins.internal.CheckinStore;
import org.kinship.checkins.internal.QuestionnaireCatalog;
import org.kinship.checkins.internal.SafetyNet;
import org.kinship.groups.GroupDirectory;

import org.springframework.stereotype.Component;

/**
 * The check-in answers behind urgent escalations, for the review queue of the group's
 * staff (the queue keys a check-in's card by the negated answer id). What the card shows:
 * the check-in, its score, and that it showed risk; for the medicines check-in, that a
 * medicine ran out or was stopped, never which one; never the record.
 */
@Component
public class CheckinAlerts {

	private final CheckinStore store;

	private final QuestionnaireCatalog catalog;

	private final GroupDirectory groups;

	CheckinAlerts(CheckinStore store, QuestionnaireCatalog catalog, GroupDirectory groups) {
		this.store = store;
		this.catalog = catalog;
		this.groups = groups;
	}

	/**
	 * Whether a review queue key is a check-in's rather than a message's.
	 * @param reviewKey the key
	 * @return true for a check-in
	 */
	public static boolean isCheckin(long reviewKey) {
		return reviewKey < 0;
	}

	/**
	 * The answer behind a review card.
	 * @param groupId the card's group, which the caller checked the viewer moderates
	 * @param reviewKey the card's key
	 * @return the alert, or empty when the key is no answer of that group
	 */
	public Optional<CheckinAlert> find(long groupId, long reviewKey) {
		if (!isCheckin(reviewKey)) {
			return Optional.empty();
		}
		return this.store.inGroup(groupId, -reviewKey).map((answer) -> {
			String title = this.catalog.form(answer.questionnaire(), java.util.Locale.ENGLISH)
				.map(CheckinForm::title)
				.orElse(answer.questionnaire());
			String name = this.groups.nameIn(groupId, answer.member()).orElse(answer.member());
			return new CheckinAlert(SafetyNet.reviewKey(answer.id()), answer.member(), name,
					summary(title, answer.score(), Scoring.score(answer.questionnaire(), answer.values())),
					answer.answeredAt());
		});
	}

	private static String summary(String title, int total, Score score) {
		return switch (score.careDistress()) {
			case URGENT -> "Check-in answer showing trouble managing care: " + title + ", ran out of a medicine.";
			case LOOK ->
				"Check-in answer showing possible trouble managing care: " + title + ", stopped taking a medicine.";
			case NONE -> "Check-in answer showing risk: " + title + ", score " + total + ".";
		};
	}

	/**
	 * A check-in answer as its group's staff see it on an urgent card.
	 *
	 * @param reviewKey the card's key
	 * @param member the member's {@code fhirUser}
	 * @param memberName the member's name in the group
	 * @param summary what the card says
	 * @param answeredAt when they answered
	 */
	public record CheckinAlert(long reviewKey, String member, String memberName, String summary, Instant answeredAt) {
	}

}
