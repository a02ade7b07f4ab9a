package org.kinship.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTimesTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final Duration TARGET = Duration.ofMinutes(15);

	@Test
	void theMedianIsOfTheAnsweredAndTheShareCountsOnlyWhatCanBeJudged() {
		List<Item> escalations = List.of(answered(1, 1, minutes(4)), answered(2, 1, minutes(10)),
				answered(3, 1, minutes(20)), unanswered(4, 1, Duration.ofHours(2)),
				unanswered(5, 1, Duration.ofMinutes(5)));

		ResponseTimes times = ResponseTimes.of(escalations, Map.of(1L, "Epilepsy circle"), Map.of(1L, TARGET),
				Duration.ofDays(30), NOW);

		ResponseTimes.Figures figures = times.overall();
		assertThat(figures.escalations()).isEqualTo(5);
		assertThat(figures.answered()).isEqualTo(3);
		assertThat(figures.median()).isEqualTo(minutes(10));
		assertThat(figures.medianClock()).isEqualTo("10:00");
		assertThat(figures.waiting()).as("raised 5 minutes ago, nobody yet: not late").isEqualTo(1);
		assertThat(figures.judged()).as("three answered, one late without an answer").isEqualTo(4);
		assertThat(figures.withinTarget()).isEqualTo(2);
		assertThat(figures.percentWithinTarget()).isEqualTo(50);
		assertThat(times.groups()).singleElement().satisfies((row) -> {
			assertThat(row.name()).isEqualTo("Epilepsy circle");
			assertThat(row.targetClock()).isEqualTo("15:00");
			assertThat(row.figures()).isEqualTo(figures);
		});
	}

	@Test
	void anEvenNumberOfAnswersTakesTheMeanOfTheMiddleTwo() {
		ResponseTimes times = ResponseTimes.of(List.of(answered(1, 1, minutes(2)), answered(2, 1, minutes(3))),
				Map.of(1L, "A"), Map.of(), Duration.ofDays(30), NOW);

		assertThat(times.overall().median()).isEqualTo(Duration.ofSeconds(150));
		assertThat(times.overall().medianClock()).isEqualTo("2:30");
	}

	@Test
	void groupsAreShownByNameAndThoseNotNamedAreLeftOut() {
		ResponseTimes times = ResponseTimes.of(
				List.of(answered(1, 1, minutes(1)), answered(2, 2, minutes(1)), answered(3, 3, minutes(1))),
				Map.of(1L, "zebra", 2L, "Alpha"), Map.of(), Duration.ofDays(30), NOW);

		assertThat(times.groups()).extracting(ResponseTimes.GroupFigures::name).containsExactly("Alpha", "zebra");
		assertThat(times.overall().escalations()).isEqualTo(2);
	}

	@Test
	void withoutEscalationsThereIsNoMedianAndNoShare() {
		ResponseTimes times = ResponseTimes.of(List.of(), Map.of(1L, "A"), Map.of(), Duration.ofDays(30), NOW);

		assertThat(times.overall().median()).isNull();
		assertThat(times.overall().percentWithinTarget()).isNull();
		assertThat(times.groups()).isEmpty();
	}

	private static Item answered(long id, long groupId, Duration after) {
		Instant raised = NOW.minus(Duration.ofDays(1));
		return item(id, groupId, raised, raised.plus(after));
	}

	private static Item unanswered(long id, long groupId, Duration ago) {
		return item(id, groupId, NOW.minus(ago), null);
	}

	private static Item item(long id, long groupId, Instant raised, Instant answered) {
		return new Item(id, "https://ehr.example/fhir", groupId, id, "Patient/p-" + id, Kind.ESCALATED, true,
				"crisis: words", answered == null, raised, raised.plus(TARGET),
				(answered != null) ? "Practitioner/f" : null, answered);
	}

	private static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

}
