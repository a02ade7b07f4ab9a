package org.kinship.moderation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.internal.ScreeningMeasure.Figures;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screening on the held-out corpus ({@code screening/corpus/heldout.tsv}): sentences kept
 * out of every training and tuning step, scored as
 * {@code deploy/bench/screening --corpus} scores them. The held-out sentences were
 * written by other authors than the training corpus, who saw neither it nor the engine,
 * and were added only after the model and its thresholds were fixed. Screening is
 * deterministic, so the minimums are what the held-out part gave when it was last scored,
 * after the model, its thresholds and the phrases were fixed, less a small margin: a
 * floor against regressions. Where that is short of the target (crisis recall 0.95 in
 * each language, distress recall 0.9, near-miss alarms 2 %), the target is not met yet
 * and the minimum says by how much.
 */
class ScreeningHeldOutTests {

	private static final String HELD_OUT = "/screening/corpus/heldout.tsv";

	private static Figures figures;

	@BeforeAll
	static void screenHeldOut() throws IOException {
		InputStream in = ScreeningHeldOutTests.class.getResourceAsStream(HELD_OUT);
		assertThat(in).as("the held-out corpus on the test classpath").isNotNull();
		List<Sentence> sentences;
		try (in) {
			sentences = ScreeningMeasure.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		figures = ScreeningMeasure.measure(new ScreeningEngine(), sentences);
		System.out.println("Held-out corpus: " + sentences.size() + " sentences");
		figures.table().forEach(System.out::println);
		System.out.println(figures.json(0));
	}

	@Test
	void catchesCrisisInEachLanguage() {
		// first scored: 0.789 (en), 0.785 (es); with the larger corpus: 0.811 (en), 0.831
		// (es); with the corpus of many authors: 0.833 (en), 0.877 (es); with thresholds
		// from the calibration corpus and everyday chat in training: 0.933 (en), 0.985
		// (es); with eight more authors in training: 0.944 (en), 0.985 (es); with
		// sixteen: 0.956 (en), 0.985 (es); with twenty-four, and with near misses by
		// kind: the same; with the "please look" threshold that keeps the calibration
		// corpus's crisis recall at 0.97 and 32 more authors: 0.944 (en, 85 of 90, the
		// target missed by one sentence), 0.985 (es); the same with every model since
		// (groups T to HH in training, 100 epochs, the recall kept at 0.98); with groups
		// JJ and LL in training: 0.956 (en, 86 of 90), 0.985 (es); the same with long
		// near misses learned by window
		assertThat(figures.recall("crisis", "en")).isGreaterThanOrEqualTo(0.94);
		assertThat(figures.recall("crisis", "es")).isGreaterThanOrEqualTo(0.97);
		assertThat(figures.precision("crisis", "all")).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void catchesTroubleManagingCare() {
		// first scored: 0.811; with the larger corpus: 0.884; with word classes: 0.895;
		// with the care-distress cap at 1 % of near misses: 0.916; with the corpus
		// of many authors: 0.947; with thresholds from the calibration corpus: 0.958;
		// with eight more authors in training: 0.968; with sixteen: 0.989 (the target
		// is 0.9), and the same with the "please look" threshold kept at the
		// calibration corpus's recall of 0.93
		assertThat(figures.recall("distress", "all")).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void catchesPersonalData() {
		// 0.974 from the first scoring; 0.968 (150 of 155) since toll-free numbers are
		// left unheld
		assertThat(figures.personalDataRecall()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void nearMissesRarelyRaiseAnything() {
		// 0 of 215 with thresholds chosen on the training corpus's hard near misses;
		// 4 of 215 (1.9 %) with those from the calibration corpus, which catch 16
		// more of the 155 crisis sentences; 4 of 215 with eight more authors in
		// training; 6 of 215 (2.8 %, the target of 2 % missed by two sentences) with
		// sixteen, where sixteen authors the model had not read gave 1.6 %; 5 of 215
		// (2.3 %, one sentence over) with twenty-four, and the same with near misses
		// by kind in training (where eight authors of them the model had not read went
		// from 4.1 % to 3.0 %); 5 of 215 with the "please look" threshold that keeps
		// the calibration corpus's crisis recall at 0.97 and 32 more authors (where 24
		// authors of near misses the model had not read went from 3.0 % to 1.9 %); 4 of
		// 215 (1.9 %) with eight more authors written from the categories again
		// (group T, where seven more authors the model had not read went from 4.2 % to
		// 3.9 %), and with groups U and V; 3 of 215 (1.4 %) with groups W and X too
		// (where seven more unread authors went from 3.2 % to 2.7 %), and with groups Y
		// to BB and 40 epochs (where ten more went from 2.5 % to 1.8 %); 4 of 215 (1.9 %)
		// with group DD and 100 epochs (where ten more unread authors went from 2.5 % to
		// 2.3 %); 5 of 215 (2.3 %, one sentence over) with groups EE, FF and HH and the
		// recall kept at 0.98 (where ten more unread authors stayed at 2.7 %, and the
		// unread authors pooled lost three sentences in 11,718); 7 of 215 (3.3 %, three
		// sentences over) with groups JJ and LL in training (where ten more unread
		// authors went from 2.5 % to 2.3 %, and the unread authors pooled gained one
		// sentence in 12,963); 6 of 215 (2.8 %, two sentences over) with long near
		// misses learned by window (where ten more unread authors went from 1.8 % to
		// 1.4 %, and the unread authors pooled from 1.89 % to 1.65 %); 5 of 215 (2.3 %,
		// one sentence over) with a second member that reads word classes in context
		// and the recall kept at 0.985 (where eight more unread authors went from 2.5 %
		// to 2.4 %, and the unread authors pooled from 1.74 % to 1.71 % while they
		// gained 0.005 of crisis recall in each language); 4 of 215 (1.9 %, the target
		// met) with the care-distress "please look" threshold kept at the calibration
		// corpus's recall of 0.93 (where the unread authors pooled went from 544 to
		// 510 alarms in 35,315 near misses); held to the target since
		assertThat(figures.noneFalseAlarmRate()).isLessThanOrEqualTo(0.02);
	}

}
