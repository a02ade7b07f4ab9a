package org.kinship.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an active member does, and how often, in the capacity benchmark: a fixed mix in
 * which reading far outweighs writing, about six group opens and two history pages for
 * each message sent, as in Mattermost's load tests. Each action is drawn by its weight.
 */
final class Mix {

	/** One thing a member does. */
	enum Action {

		/**
		 * The group's page, then what its scripts ask for: the care-plan panel unless the
		 * session holds the record (the latest messages and the group's controls come
		 * written into the page); on the socket a catch-up and a read marker.
		 */
		OPEN_GROUP(6),
		/** An older page of the discussion ("show earlier messages"). */
		HISTORY_PAGE(2),
		/** The read marker, as the page moves it when messages are shown. */
		MARK_READ(2),
		/** A message to the group, over the socket. */
		SEND(1),
		/** A reaction given to, or taken back from, the last message seen. */
		REACT(1),
		/** The care-plan panel asked for again (the care-plan tab on a phone). */
		CARE_PLAN(1),
		/** "I have read this" on the group's latest broadcast, over the socket. */
		ACKNOWLEDGE(1);

		private final int weight;

		Action(int weight) {
			this.weight = weight;
		}

		int weight() {
			return this.weight;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}

	}

	private static final int TOTAL = totalWeight();

	private Mix() {
	}

	/**
	 * The action a uniform draw falls on, each action taking a share of [0, 1) as large
	 * as its weight.
	 * @param draw a number in [0, 1)
	 * @return the action
	 */
	static Action pick(double draw) {
		double point = draw * TOTAL;
		int upTo = 0;
		for (Action action : Action.values()) {
			upTo += action.weight();
			if (point < upTo) {
				return action;
			}
		}
		return Action.values()[Action.values().length - 1];
	}

	/**
	 * Each action's share of all actions.
	 * @return the shares, adding up to 1
	 */
	static Map<Action, Double> shares() {
		Map<Action, Double> shares = new EnumMap<>(Action.class);
		for (Action action : Action.values()) {
			shares.put(action, action.weight() / (double) TOTAL);
		}
		return shares;
	}

	/**
	 * The mix in a line, for a run's report.
	 * @return for example {@code open group 6, history page 2, ...}
	 */
	static String describe() {
		return shares().keySet()
			.stream()
			.map((action) -> action.label() + " " + action.weight())
			.collect(Collectors.joining(", "));
	}

	private static int totalWeight() {
		int total = 0;
		for (Action action : Action.values()) {
			total += action.weight();
		}
		return total;
	}

}
