package org.kinship.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.load.Mix.Action;
import org.kinship.load.Ramp.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The capacity benchmark's rules, without a server: the mix reads far more than it
 * writes, a step breaks on any threshold, and the answer is the last step that held.
 */
class CapacityRampTests {

	private static final Thresholds STANDARD = Thresholds.standard();

	@Test
	void theMixOpensSixGroupsAndReadsTwoHistoryPagesPerMessageSent() {
		Map<Action, Integer> drawn = new EnumMap<>(Action.class);
		int draws = 140_000;
		for (int draw = 0; draw < draws; draw++) {
			drawn.merge(Mix.pick((draw + 0.5) / draws), 1, Integer::sum);
		}

		int sends = drawn.get(Action.SEND);
		assertThat(drawn.get(Action.OPEN_GROUP) / (double) sends).isCloseTo(6, within(0.01));
		assertThat(drawn.get(Action.HISTORY_PAGE) / (double) sends).isCloseTo(2, within(0.01));
		assertThat(drawn.keySet()).as("every action of the mix is drawn").containsExactly(Action.values());
		assertThat(Mix.shares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
		assertThat(
				Mix.shares().get(Action.SEND) + Mix.shares().get(Action.REACT) + Mix.shares().get(Action.ACKNOWLEDGE))
			.as("writes are a small part")
			.isLessThan(0.25);
	}

	@Test
	void aStepWithinEveryThresholdHolds() {
		assertThat(STANDARD.broken(step(1000, 300, 150, 0))).isEmpty();
	}

	@Test
	void aStepBreaksOnSlowPagesSlowMessagesOrAnyError() {
		assertThat(STANDARD.broken(step(1000, 300.1, 20, 0))).singleElement().asString().startsWith("page p99");
		assertThat(STANDARD.broken(step(1000, 20, 150.1, 0))).singleElement().asString().startsWith("message p99");
		assertThat(STANDARD.broken(step(1000, 20, 20, 1))).containsExactly("1 errors");
		assertThat(STANDARD.broken(step(1000, 400, 200, 3))).hasSize(3);
	}

	@Test
	void theAnswerIsTheLastStepThatHeld() throws Exception {
		List<Integer> tried = new ArrayList<>();
		Outcome outcome = Ramp.climb(200, 200, 4000, STANDARD, (members) -> {
			tried.add(members);
			return step(members, (members > 1000) ? 450 : 120, 40, 0);
		});

		assertThat(tried).containsExactly(200, 400, 600, 800, 1000, 1200);
		assertThat(outcome.activeMembers()).isEqualTo(1000);
		assertThat(outcome.held().pageP99Millis()).isEqualTo(120);
		assertThat(outcome.broke().members()).isEqualTo(1200);
		assertThat(outcome.reasons()).singleElement().asString().contains("page p99 450.0 ms");
	}

	@Test
	void aFirstStepThatBreaksHoldsNoMembers() throws Exception {
		Outcome outcome = Ramp.climb(100, 100, 1000, STANDARD, (members) -> step(members, 50, 40, 2));

		assertThat(outcome.activeMembers()).isZero();
		assertThat(outcome.held()).isNull();
		assertThat(outcome.broke().errors()).isEqualTo(2);
	}

	@Test
	void aClimbThatNeverBreaksEndsAtTheMostMembersTried() throws Exception {
		Outcome outcome = Ramp.climb(100, 150, 500, STANDARD, (members) -> step(members, 50, 40, 0));

		assertThat(outcome.activeMembers()).as("100, 250, 400; 550 is past the most").isEqualTo(400);
		assertThat(outcome.broke()).isNull();
	}

	private static StepFigures step(int members, double pageP99, double messageP99, long errors) {
		return new StepFigures(members, pageP99, messageP99, errors, members / 10.0, members / 140.0);
	}

}
