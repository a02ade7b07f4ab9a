package org.kinship.checkins;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.checkins.Score.Band;
import org.kinship.checkins.Score.CareDistress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores and thresholds of the check-ins Kinship ships with.
 */
class ScoringTests {

	@Test
	void phq2IsPositiveAndShowsRiskFromThree() {
		Score two = Scoring.score("phq-2", Map.of("phq2-1", 1, "phq2-2", 1));
		Score three = Scoring.score("phq-2", Map.of("phq2-1", 2, "phq2-2", 1));
		assertThat(two.total()).isEqualTo(2);
		assertThat(two.band()).isEqualTo(Band.NEGATIVE);
		assertThat(two.atRisk()).isFalse();
		assertThat(three.total()).isEqualTo(3);
		assertThat(three.band()).isEqualTo(Band.POSITIVE);
		assertThat(three.atRisk()).isTrue();
	}

	@Test
	void feelingHopelessNearlyEveryDayShowsRiskWhateverTheTotal() {
		Score score = Scoring.score("phq-2", Map.of("phq2-1", 0, "phq2-2", 3));
		assertThat(score.total()).isEqualTo(3);
		assertThat(score.atRisk()).isTrue();
	}

	@Test
	void gad2IsPositiveFromThreeWithoutRaisingRisk() {
		assertThat(Scoring.score("gad-2", Map.of("gad2-1", 1, "gad2-2", 1)).band()).isEqualTo(Band.NEGATIVE);
		Score six = Scoring.score("gad-2", Map.of("gad2-1", 3, "gad2-2", 3));
		assertThat(six.total()).isEqualTo(6);
		assertThat(six.band()).isEqualTo(Band.POSITIVE);
		assertThat(six.atRisk()).isFalse();
	}

	@Test
	void ratingsAreMildToThreeModerateToSixAndSevereFromSeven() {
		assertThat(Scoring.score("breathlessness", Map.of("breath-1", 3)).band()).isEqualTo(Band.MILD);
		assertThat(Scoring.score("breathlessness", Map.of("breath-1", 4)).band()).isEqualTo(Band.MODERATE);
		assertThat(Scoring.score("pain-interference", Map.of("pain-1", 6)).band()).isEqualTo(Band.MODERATE);
		assertThat(Scoring.score("pain-interference", Map.of("pain-1", 7)).band()).isEqualTo(Band.SEVERE);
		assertThat(Scoring.score("seizure-count", Map.of("seizure-1", 0)).band()).isEqualTo(Band.MILD);
		assertThat(Scoring.score("seizure-count", Map.of("seizure-1", 4)).band()).isEqualTo(Band.SEVERE);
	}

	@Test
	void onlyTheHighestCaregiverStrainShowsRisk() {
		assertThat(Scoring.score("caregiver-strain", Map.of("strain-1", 9)).atRisk()).isFalse();
		assertThat(Scoring.score("caregiver-strain", Map.of("strain-1", 10)).atRisk()).isTrue();
	}

	@Test
	void promisGlobal10GivesBothRawScoresWithItsRecodings() {
		// physical: global03 4 + global06 5 + pain 0 (recoded 5) + fatigue 1 (recoded 5)
		// = 19
		// mental: global02 3 + global04 2 + global05 4 + emotional problems 5 (recoded 1)
		// = 10
		Score score = Scoring.score("promis-global-10", Map.of("global01", 3, "global02", 3, "global03", 4, "global04",
				2, "global05", 4, "global09r", 3, "global06", 5, "global07", 0, "global08", 1, "global10", 5));
		assertThat(score.parts()).containsExactly(Map.entry("physical", 19), Map.entry("mental", 10));
		assertThat(score.total()).isEqualTo(19);
	}

	@Test
	void promisRecodesPainInFiveSteps() {
		assertThat(Scoring.painRecoded(0)).isEqualTo(5);
		assertThat(Scoring.painRecoded(3)).isEqualTo(4);
		assertThat(Scoring.painRecoded(6)).isEqualTo(3);
		assertThat(Scoring.painRecoded(9)).isEqualTo(2);
		assertThat(Scoring.painRecoded(10)).isEqualTo(1);
	}

	@Test
	void theLowestAndHighestPromisAnswersSpanFourToTwenty() {
		Map<String, Integer> worst = Map.of("global01", 1, "global02", 1, "global03", 1, "global04", 1, "global05", 1,
				"global09r", 1, "global06", 1, "global07", 10, "global08", 5, "global10", 5);
		assertThat(Scoring.score("promis-global-10", worst).parts()).containsExactly(Map.entry("physical", 4),
				Map.entry("mental", 4));
	}

	@Test
	void medicinesCountThoseNotTakenAsPrescribedAndEachAnswer() {
		Score all = Scoring.score("medication-adherence", Map.of("med-a", 0, "med-b", 0));
		assertThat(all.total()).isZero();
		assertThat(all.band()).isEqualTo(Band.ALL_TAKEN);
		assertThat(all.careDistress()).isEqualTo(CareDistress.NONE);

		Score some = Scoring.score("medication-adherence", Map.of("med-a", 1, "med-b", 4, "med-c", 0));
		assertThat(some.total()).isEqualTo(2);
		assertThat(some.band()).isEqualTo(Band.SOME_NOT_TAKEN);
		assertThat(some.parts()).containsEntry("missed", 1)
			.containsEntry("side-effects", 1)
			.containsEntry("as-prescribed", 1)
			.containsEntry("ran-out", 0);
		assertThat(some.careDistress()).as("missed doses and side effects are for the member's trends")
			.isEqualTo(CareDistress.NONE);
		assertThat(some.showsCrisisResources()).isFalse();
	}

	@Test
	void runningOutOfAMedicineIsUrgentCareDistressAndStoppingOneAskedToLookAt() {
		Score ranOut = Scoring.score("medication-adherence", Map.of("med-a", 2, "med-b", 3));
		assertThat(ranOut.careDistress()).isEqualTo(CareDistress.URGENT);
		assertThat(ranOut.showsCrisisResources()).isTrue();
		assertThat(ranOut.atRisk()).as("no crisis of its own").isFalse();

		Score stopped = Scoring.score("medication-adherence", Map.of("med-a", 3, "med-b", 0));
		assertThat(stopped.careDistress()).isEqualTo(CareDistress.LOOK);
		assertThat(stopped.showsCrisisResources()).isFalse();
	}

}
