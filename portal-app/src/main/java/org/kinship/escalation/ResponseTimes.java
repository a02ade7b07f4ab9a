package org.kinship.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.ReviewQueue.Item;

/**
 * How soon urgent escalations were first answered over a recent window, for the whole
 * community and per group. The first response is the first claim ("I will reach out") or
 * decision on the escalation, whichever came first; the target is the response time in
 * force in the group when the escalation was raised.
 *
 * @param window how far back the figures look
 * @param overall the community's figures
 * @param groups the figures of each group that had escalations, by name
 */
public record ResponseTimes(Duration window, Figures overall, List<GroupFigures> groups) {

	/**
	 * The figures of some escalations.
	 * @param escalations the escalations raised in the window, answered or not
	 * @param groupNames the groups' names, by id; groups not named are left out
	 * @param targets the response time in force now, per group id
	 * @param window the window
	 * @param now the time now
	 * @return the figures
	 */
	public static ResponseTimes of(Collection<Item> escalations, Map<Long, String> groupNames,
			Map<Long, Duration> targets, Duration window, Instant now) {
		List<Item> known = escalations.stream().filter((item) -> groupNames.containsKey(item.groupId())).toList();
		List<GroupFigures> groups = new ArrayList<>();
		known.stream()
			.collect(Collectors.groupingBy(Item::groupId))
			.forEach((groupId, items) -> groups
				.add(new GroupFigures(groupId, groupNames.get(groupId), targets.get(groupId), Figures.of(items, now))));
		groups.sort(Comparator.comparing(GroupFigures::name, String.CASE_INSENSITIVE_ORDER));
		return new ResponseTimes(window, Figures.of(known, now), List.copyOf(groups));
	}

	/**
	 * The window in whole days.
	 * @return the days
	 */
	public long days() {
		return this.window.toDays();
	}

	/**
	 * Figures of a set of escalations.
	 *
	 * @param escalations how many were raised
	 * @param answered how many have had a first response
	 * @param waiting how many have had none yet and are still within their target
	 * @param median the median time to first response of those answered, {@code null}
	 * when none was
	 * @param judged how many can be judged against their target: those answered, and
	 * those past their target without an answer
	 * @param withinTarget how many of those were answered within their target
	 */
	public record Figures(int escalations, int answered, int waiting, @Nullable Duration median, int judged,
			int withinTarget) {

		static Figures of(List<Item> items, Instant now) {
			List<Duration> times = new ArrayList<>();
			int waiting = 0;
			int judged = 0;
			int within = 0;
			for (Item item : items) {
				Instant answered = item.acknowledgedAt();
				Instant due = item.dueAt();
				if (answered != null) {
					times.add(Duration.between(item.createdAt(), answered));
					judged += (due != null) ? 1 : 0;
					within += (due != null && !answered.isAfter(due)) ? 1 : 0;
				}
				else if (due != null && due.isBefore(now)) {
					judged++;
				}
				else {
					waiting++;
				}
			}
			return new Figures(items.size(), times.size(), waiting, median(times), judged, within);
		}

		private static @Nullable Duration median(List<Duration> times) {
			if (times.isEmpty()) {
				return null;
			}
			List<Duration> sorted = times.stream().sorted().toList();
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle)
					: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
		}

		/**
		 * The share answered within target, in whole percent.
		 * @return the percentage, or {@code null} when none can be judged yet
		 */
		public @Nullable Integer percentWithinTarget() {
			return (this.judged == 0) ? null : (int) Math.round(100.0 * this.withinTarget / this.judged);
		}

		/**
		 * The median as minutes and seconds.
		 * @return for example {@code 4:05}, or {@code null} when none was answered
		 */
		public @Nullable String medianClock() {
			return (this.median != null) ? clock(this.median) : null;
		}

	}

	/**
	 * One group's figures.
	 *
	 * @param groupId the group
	 * @param name its name
	 * @param target the response time in force there now, {@code null} when unknown
	 * @param figures its figures
	 */
	public record GroupFigures(long groupId, String name, @Nullable Duration target, Figures figures) {

		/**
		 * The target as minutes and seconds.
		 * @return for example {@code 15:00}
		 */
		public @Nullable String targetClock() {
			return (this.target != null) ? clock(this.target) : null;
		}

	}

	static String clock(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
	}

}
