package org.kinship.checkins;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group's check-ins on its page.
 *
 * @param groupId the group
 * @param slug its slug
 * @param member whether the viewer answers them
 * @param staff whether the viewer chooses them
 * @param planned the check-ins the group runs, with the viewer's due state
 * @param choices for staff, every check-in Kinship offers and whether it is chosen
 * @param maxEveryDays the longest interval staff may choose
 */
public record GroupCheckins(long groupId, String slug, boolean member, boolean staff, List<Planned> planned,
		List<Choice> choices, int maxEveryDays) {

	/**
	 * One check-in the group runs.
	 *
	 * @param questionnaire the Questionnaire's id
	 * @param title its title
	 * @param everyDays how often it is asked
	 * @param lastAnswered when the viewer last answered it here, or {@code null}
	 * @param due whether it is due now
	 * @param next when it is next due
	 */
	public record Planned(String questionnaire, String title, int everyDays, @Nullable Instant lastAnswered,
			boolean due, Instant next) {
	}

	/**
	 * A check-in staff may choose.
	 *
	 * @param questionnaire the Questionnaire's id
	 * @param title its title
	 * @param chosen whether the group runs it
	 * @param everyDays its interval, or the default
	 */
	public record Choice(String questionnaire, String title, boolean chosen, int everyDays) {
	}

}
