package org.kinship.insights;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.kinship.insights.Disclosure.Cell;
import org.kinship.insights.Shown.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small-cell suppression on crafted groups: 10 members show as "fewer than 11", 11 and 12
 * as ranges that never give the exact count; a single hidden cell of a distribution takes
 * another with it; a share of nearly everyone is hidden; and a member leaving between two
 * refreshes cannot be told from the figures.
 */
class DisclosureTests {

	private final Disclosure disclosure = new Disclosure(42);

	@Test
	void tenMembersShowAsFewerThanEleven() {
		assertThat(this.disclosure.count("members", members(10)).state()).isEqualTo(State.FEWER);
	}

	@Test
	void elevenAndTwelveMembersShowAsARangeOfFiveFromEleven() {
		for (int size : List.of(11, 12)) {
			Shown shown = this.disclosure.count("members", members(size));
			assertThat(shown.state()).isEqualTo(State.RANGE);
			assertThat(shown.low()).isGreaterThanOrEqualTo(Disclosure.THRESHOLD);
			assertThat(shown.high() - shown.low()).isEqualTo(4);
		}
	}

	@Test
	void noCountIsEverShownExactly() {
		for (int size = 11; size < 60; size++) {
			Shown shown = this.disclosure.count("members", members(size));
			assertThat(shown.low()).isNotEqualTo(shown.high());
		}
	}

	@Test
	void aSingleHiddenCellOfADistributionTakesTheNextSmallestWithIt() {
		List<Shown> shown = this.disclosure.partition(List.of(new Cell("mild", members(3)),
				new Cell("moderate", members(12, 100)), new Cell("severe", members(20, 200))));
		assertThat(shown).extracting(Shown::state).containsExactly(State.FEWER, State.HIDDEN, State.RANGE);
	}

	@Test
	void twoHiddenCellsNeedNoMoreHidden() {
		List<Shown> shown = this.disclosure.partition(List.of(new Cell("mild", members(3)),
				new Cell("moderate", members(4, 100)), new Cell("severe", members(20, 200))));
		assertThat(shown).extracting(Shown::state).containsExactly(State.FEWER, State.FEWER, State.RANGE);
	}

	@Test
	void aShareOfNearlyEveryoneIsHiddenSinceItTellsAboutTheRest() {
		Set<String> group = members(12);
		assertThat(this.disclosure.share("metformin", group, group).state()).isEqualTo(State.HIDDEN);
		Set<String> twentyFive = members(25);
		Set<String> twelve = members(12);
		Shown share = this.disclosure.share("metformin", twelve, twentyFive);
		assertThat(share.state()).isEqualTo(State.RANGE);
		assertThat(share.percent()).isNotNull().isBetween(30, 70);
		assertThat(share.percent() % 5).isZero();
	}

	@Test
	void theSameMembersAlwaysGiveTheSameFigures() {
		assertThat(new Disclosure(7).count("members", members(23)))
			.isEqualTo(new Disclosure(7).count("members", members(23)));
	}

	@Test
	void aMemberLeavingBetweenTwoRefreshesCannotBeToldFromTheChange() {
		// one member of 18 leaves; for many groups (salts) the figures before and after
		// are compared: whether they change must not follow from the leaving
		int unchanged = 0;
		int changed = 0;
		Set<String> before = members(18);
		Set<String> after = new HashSet<>(before);
		after.remove("member-0");
		for (long salt = 0; salt < 200; salt++) {
			Disclosure group = new Disclosure(salt);
			if (group.count("members", before).equals(group.count("members", after))) {
				unchanged++;
			}
			else {
				changed++;
			}
		}
		assertThat(unchanged).as("refreshes where the leaving left every figure as it was").isGreaterThan(40);
		assertThat(changed).as("refreshes where the figure moved").isGreaterThan(40);
		// and where nobody left, some figures move by a whole range between two groups of
		// the same size: a move is no sign of anyone leaving
		long differing = IntStream.range(0, 200)
			.mapToObj((salt) -> new Disclosure(salt).count("members", members(20)))
			.distinct()
			.count();
		assertThat(differing).isGreaterThan(1);
	}

	@Test
	void aMemberLeavingTwelveNeverShows() {
		Set<String> before = members(13);
		Set<String> after = new HashSet<>(before);
		after.remove("member-0");
		for (long salt = 0; salt < 200; salt++) {
			Disclosure group = new Disclosure(salt);
			assertThat(group.count("members", after)).isEqualTo(group.count("members", before));
		}
	}

	private static Set<String> members(int count) {
		return members(count, 0);
	}

	private static Set<String> members(int count, int from) {
		return IntStream.range(from, from + count).mapToObj((i) -> "member-" + i).collect(Collectors.toSet());
	}

}
