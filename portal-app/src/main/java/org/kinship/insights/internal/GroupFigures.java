package org.kinship.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.checkins.CheckinStats.Answered;
import org.kinship.checkins.Score.Band;
import org.kinship.insights.Disclosure;
import org.kinship.insights.Disclosure.Cell;
import org.kinship.insights.Shown;

/**
 * Computes one group's figures from stored contributions, each passed through
 * {@link Disclosure}, as the lines the store keeps: {@code section}, {@code key},
 * {@code shown}, separated by tabs.
 */
final class GroupFigures {

	private static final Map<String, List<Band>> BANDS = Map.of("phq-2", List.of(Band.NEGATIVE, Band.POSITIVE), "gad-2",
			List.of(Band.NEGATIVE, Band.POSITIVE), "breathlessness", List.of(Band.MILD, Band.MODERATE, Band.SEVERE),
			"pain-interference", List.of(Band.MILD, Band.MODERATE, Band.SEVERE), "seizure-count",
			List.of(Band.MILD, Band.MODERATE, Band.SEVERE), "caregiver-strain",
			List.of(Band.MILD, Band.MODERATE, Band.SEVERE));

	private GroupFigures() {
	}

	static List<String> compute(Inputs inputs, InsightsProperties properties) {
		Disclosure disclosure = new Disclosure(inputs.salt());
		List<String> lines = new ArrayList<>();
		lines.add(line("members", "-", disclosure.count("members", inputs.members())));
		lines.add(line("contributors", "-", disclosure.count("contributors", inputs.contributors())));
		medicines(inputs, disclosure, properties.medicinesShown()).forEach(lines::add);
		distributions(inputs, disclosure, properties).forEach(lines::add);
		return lines;
	}

	private static List<String> medicines(Inputs inputs, Disclosure disclosure, int shown) {
		List<Map.Entry<String, Set<String>>> common = new ArrayList<>();
		inputs.takers().forEach((ingredient, takers) -> {
			Set<String> here = new HashSet<>(takers);
			here.retainAll(inputs.contributors());
			if (here.size() >= Disclosure.THRESHOLD) {
				common.add(Map.entry(ingredient, here));
			}
		});
		common.sort(Comparator.comparingInt((Map.Entry<String, Set<String>> entry) -> -entry.getValue().size())
			.thenComparing(Map.Entry::getKey));
		return common.stream()
			.limit(shown)
			.map((entry) -> line("medicine", entry.getKey(),
					disclosure.share(entry.getKey(), entry.getValue(), inputs.contributors())))
			.toList();
	}

	private static List<String> distributions(Inputs inputs, Disclosure disclosure, InsightsProperties properties) {
		List<String> lines = new ArrayList<>();
		Duration period = Duration.ofDays(properties.periodDays());
		for (String questionnaire : inputs.plan()) {
			List<Band> bands = BANDS.get(questionnaire);
			if (bands == null) {
				continue;
			}
			for (int back = properties.periods() - 1; back >= 0; back--) {
				Instant end = inputs.now().minus(period.multipliedBy(back));
				Instant start = end.minus(period);
				Map<String, Band> latest = latest(inputs.answers(), questionnaire, start, end, inputs.contributors());
				List<Cell> cells = bands.stream()
					.map((band) -> new Cell(questionnaire + "|" + band, members(latest, band)))
					.toList();
				List<Shown> shown = disclosure.partition(cells);
				String label = questionnaire + "|" + start.atZone(ZoneOffset.UTC).toLocalDate();
				for (int i = 0; i < bands.size(); i++) {
					lines.add(line("score", label + "|" + bands.get(i), shown.get(i)));
				}
			}
		}
		return lines;
	}

	private static Map<String, Band> latest(List<Answered> answers, String questionnaire, Instant start, Instant end,
			Set<String> contributors) {
		Map<String, Band> latest = new HashMap<>();
		answers.stream()
			.filter((answer) -> answer.questionnaire().equals(questionnaire) && contributors.contains(answer.member())
					&& !answer.answeredAt().isBefore(start) && answer.answeredAt().isBefore(end))
			.forEach((answer) -> latest.put(answer.member(), answer.band()));
		return latest;
	}

	private static Set<String> members(Map<String, Band> latest, Band band) {
		Set<String> members = new HashSet<>();
		latest.forEach((member, value) -> {
			if (value == band) {
				members.add(member);
			}
		});
		return members;
	}

	private static String line(String section, String key, Shown shown) {
		return section + "\t" + key + "\t" + shown.encode();
	}

	/**
	 * What a group's figures are computed from.
	 *
	 * @param salt the group's salt
	 * @param members its active members
	 * @param contributors those of them who contribute
	 * @param takers each ingredient's takers among every contributor of the health system
	 * @param plan the check-ins it runs
	 * @param answers the contributors' answers in the group over the periods
	 * @param now the time of the refresh
	 */
	record Inputs(long salt, Set<String> members, Set<String> contributors, Map<String, Set<String>> takers,
			List<String> plan, List<Answered> answers, Instant now) {
	}

}
