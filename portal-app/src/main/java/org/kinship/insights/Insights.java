package org.kinship.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.checkins.CheckinStats;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.insights.internal.InsightStore;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * A group's insights as its members and staff see them, read from what the refresh stored
 * (never computed for a page), and each person's choice to contribute. Withdrawing
 * removes the member's contribution and medicines at once, and so from every aggregate at
 * the next refresh.
 */
@Component
public class Insights {

	private final GroupDirectory groups;

	private final InsightStore store;

	private final CheckinStats checkins;

	private final Clock clock;

	Insights(GroupDirectory groups, InsightStore store, CheckinStats checkins, Clock clock) {
		this.groups = groups;
		this.store = store;
		this.checkins = checkins;
		this.clock = clock;
	}

	/**
	 * A group's insights, check-ins named in English.
	 * @param principal a member or one of the group's staff
	 * @param groupId the group
	 * @return the view
	 * @throws Refused not found for anyone else
	 */
	public GroupInsights of(KinshipPrincipal principal, long groupId) {
		return of(principal, groupId, Locale.ENGLISH);
	}

	/**
	 * A group's insights.
	 * @param principal a member or one of the group's staff
	 * @param groupId the group
	 * @param locale the page's language, for the check-ins' titles
	 * @return the view
	 * @throws Refused not found for anyone else
	 */
	public GroupInsights of(KinshipPrincipal principal, long groupId, Locale locale) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.notFound("insights.error.not-here"));
		boolean contributing = this.store.contributes(principal.issuer(), principal.fhirUser());
		var snapshot = this.store.snapshot(groupId).orElse(null);
		if (snapshot == null) {
			return new GroupInsights(groupId, seat.slug(), contributing, null, null, null, List.of(), List.of());
		}
		Shown members = null;
		Shown contributors = null;
		List<Named> medicines = new ArrayList<>();
		Map<String, List<Named>> scores = new LinkedHashMap<>();
		for (String line : snapshot.lines()) {
			String[] parts = line.split("\t");
			Shown shown = Shown.decode(parts[2]);
			switch (parts[0]) {
				case "members" -> members = shown;
				case "contributors" -> contributors = shown;
				case "medicine" -> medicines.add(new Named(parts[1], shown));
				case "score" -> {
					int band = parts[1].lastIndexOf('|');
					scores.computeIfAbsent(parts[1].substring(0, band), (key) -> new ArrayList<>())
						.add(new Named(parts[1].substring(band + 1), shown));
				}
				default -> {
				}
			}
		}
		List<Period> periods = scores.entrySet().stream().map((entry) -> {
			String[] key = entry.getKey().split("\\|");
			return new Period(key[0], this.checkins.title(key[0], locale), key[1], entry.getValue());
		}).toList();
		return new GroupInsights(groupId, seat.slug(), contributing, snapshot.computedAt(), members, contributors,
				medicines, periods);
	}

	/**
	 * The person chooses to contribute to their groups' insights.
	 * @param principal the person
	 */
	public void contribute(KinshipPrincipal principal) {
		this.store.contribute(principal.issuer(), principal.fhirUser(), principal.issuerKey(),
				principal.fhirUser().equals("Patient/" + principal.patientId()) ? principal.patientId() : null,
				this.clock.instant());
	}

	/**
	 * The person withdraws: their contribution and medicines are deleted now.
	 * @param principal the person
	 */
	public void withdraw(KinshipPrincipal principal) {
		this.store.withdraw(principal.issuer(), principal.fhirUser());
	}

	/**
	 * A group's insights.
	 *
	 * @param groupId the group
	 * @param slug its slug
	 * @param contributing whether the viewer contributes
	 * @param computedAt when they were computed, or {@code null} before the first refresh
	 * @param members how many members
	 * @param contributors how many of them contribute
	 * @param medicines the shares of the most common ingredients
	 * @param periods the check-in score distributions, by check-in and period
	 */
	public record GroupInsights(long groupId, String slug, boolean contributing, @Nullable Instant computedAt,
			@Nullable Shown members, @Nullable Shown contributors, List<Named> medicines, List<Period> periods) {

		/**
		 * The same figures for a viewer who contributes or not.
		 * @param contributing whether the viewer contributes
		 * @return the view
		 */
		public GroupInsights withViewer(boolean contributing) {
			return new GroupInsights(this.groupId, this.slug, contributing, this.computedAt, this.members,
					this.contributors, this.medicines, this.periods);
		}

	}

	/**
	 * A named figure.
	 *
	 * @param name what
	 * @param shown how much
	 */
	public record Named(String name, Shown shown) {
	}

	/**
	 * One check-in's distribution in one period.
	 *
	 * @param questionnaire the check-in
	 * @param title its title
	 * @param from the period's first day
	 * @param bands each band's figure
	 */
	public record Period(String questionnaire, String title, String from, List<Named> bands) {
	}

}
