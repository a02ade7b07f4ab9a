package org.kinship.moderation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learned crisis and care-distress path on its training corpus
 * ({@code screening/corpus/train.tsv}), cross-validated in
 * {@value RiskModelTrainer#FOLDS} folds: each sentence screened by the whole engine
 * (phrases and a model trained without its fold), the thresholds chosen on those
 * out-of-fold scores as the trainer chooses them. The minimums are what the corpus gave
 * when they were set, rounded down; they may only go up while the corpus stays as it is
 * (a corpus grown with harder sentences sets them anew, and {@code moderation/README.md}
 * says why). Also checks that the model in the jar is the one the trainer makes of the
 * corpus, so that neither changes without the other.
 */
class RiskModelCrossValidationTests {

	private static List<Sentence> corpus;

	private static RiskModelTrainer.CrossValidation cv;

	private static List<Sentence> calibration;

	@BeforeAll
	static void crossValidate() throws IOException {
		corpus = read("/screening/corpus/train.tsv");
		calibration = read("/screening/corpus/calibration.tsv");
		cv = RiskModelTrainer.crossValidate(corpus);
		System.out.println("Cross-validated on the training corpus (" + corpus.size() + " sentences), thresholds "
				+ cv.thresholds());
		cv.figures().table().forEach(System.out::println);
	}

	@Test
	void corpusIsLargeAndAThirdSpanish() {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(19000);
		assertThat(corpus.stream().filter((s) -> s.lang().equals("es")).count())
			.isGreaterThanOrEqualTo(corpus.size() / 3);
	}

	@Test
	void catchesCrisisInEachLanguageAndIsRightWhenItSaysSo() {
		assertThat(cv.figures().recall("crisis", "en")).isGreaterThanOrEqualTo(0.78);
		assertThat(cv.figures().recall("crisis", "es")).isGreaterThanOrEqualTo(0.77);
		assertThat(cv.figures().precision("crisis", "all")).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void catchesTroubleManagingCare() {
		assertThat(cv.figures().recall("distress", "all")).isGreaterThanOrEqualTo(0.93);
		assertThat(cv.figures().precision("distress", "all")).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void nearMissesRarelyRaiseCrisisOrDistress() {
		assertThat(cv.figures().noneFalseAlarmRate("crisis") + cv.figures().noneFalseAlarmRate("distress"))
			.isLessThanOrEqualTo(0.02);
	}

	@Test
	void theShippedThresholdsKeepNearMissAlarmsOnTheCalibrationCorpusWithinTheirCaps() {
		ScreeningMeasure.Figures figures = ScreeningMeasure.measure(new ScreeningEngine(), calibration);
		assertThat(calibration).hasSizeGreaterThanOrEqualTo(4000);
		assertThat(figures.noneFalseAlarmRate("crisis")).isLessThanOrEqualTo(0.0075);
		assertThat(figures.noneFalseAlarmRate("distress")).isLessThanOrEqualTo(0.005);
		assertThat(figures.recall("crisis", "en")).isGreaterThanOrEqualTo(0.95);
		assertThat(figures.recall("crisis", "es")).isGreaterThanOrEqualTo(0.96);
	}

	/**
	 * A hundred and forty authors whose sentences were never read nor trained on,
	 * screened as shipped: the soberest estimate short of the held-out part (first scored
	 * with twenty-four of them: crisis 0.953 / 0.966, care distress 0.985, near-miss
	 * alarms 1.7 %; with thirty-two and the "please look" threshold that keeps the
	 * calibration corpus's crisis recall at 0.97, and 32 more authors in training: crisis
	 * 0.959 / 0.968, care distress 0.989, near-miss alarms 1.7 %; with six more of a
	 * newer brief (group CC) and groups T to BB in training: 0.960 / 0.969, 0.988, 1.6 %;
	 * with six more (group GG) and group DD in training, 100 epochs: 0.962 / 0.969,
	 * 0.989, 1.5 %; with six more (group II), groups EE, FF and HH in training and the
	 * recall kept at 0.98: 0.964 / 0.971, 0.994, 1.4 %; with eighteen more (groups KK, MM
	 * and NN) and groups JJ and LL in training: 0.962 / 0.972, 0.993, 1.3 %; with six
	 * more (group PP): 0.963 / 0.972, 0.992, 1.3 %; with six more (group QQ) and long
	 * near misses learned by window: 0.965 / 0.974, 0.990, 1.1 %; with six more (group
	 * RR): the same; with six more (group SS): 0.964 / 0.973, 0.990, 1.2 %; with eight
	 * more (groups TT and UU), a second member that reads word classes in context and the
	 * recall kept at 0.985: 0.970 / 0.976, 0.990, 1.2 %; with four more (group VV): 0.970
	 * / 0.975, 0.990, 1.2 %; with four more (group WW): 0.969 / 0.975, 0.990, 1.2 %; with
	 * four more (group XX): the same; with four more (group YY): 0.969 / 0.975, 0.990,
	 * 1.2 %; with four more (group ZZ) and a screening's question answered no left to the
	 * model: 0.968 / 0.975, 0.990, 1.2 %; with care phrases that did not happen or are a
	 * year back left to the model: 0.968 / 0.975, 0.990, 1.0 %; with twelve more (groups
	 * AAA, BBB and CCC): 0.966 / 0.974, 0.991, 1.1 %; with four more (group DDD): 0.967 /
	 * 0.974, 0.991, 1.0 %; with four more (group EEE): the same).
	 */
	@Test
	void authorsTheModelHasNotReadAreCaughtToo() throws IOException {
		List<Sentence> unseen = read("/screening/corpus/unseen-authors.tsv");
		ScreeningMeasure.Figures figures = ScreeningMeasure.measure(new ScreeningEngine(), unseen);
		assertThat(unseen).hasSizeGreaterThanOrEqualTo(31300);
		assertThat(figures.recall("crisis", "en")).isGreaterThanOrEqualTo(0.96);
		assertThat(figures.recall("crisis", "es")).isGreaterThanOrEqualTo(0.97);
		assertThat(figures.precision("crisis", "all")).isGreaterThanOrEqualTo(0.98);
		assertThat(figures.recall("distress", "all")).isGreaterThanOrEqualTo(0.98);
		assertThat(figures.noneFalseAlarmRate()).isLessThanOrEqualTo(0.015);
	}

	/**
	 * A hundred and eighteen authors who wrote only near misses, by the kinds the issue
	 * names (figures of speech about dying, deaths long ago, prevention and bereavement
	 * support, adherence, lab values, the past told as past), never read nor trained on:
	 * harder than the near misses written beside crisis sentences (first scored with
	 * sixteen of them: 3.1 %; with twenty-four, the threshold above and 32 more authors
	 * in training: 1.9 %; with four more of a newer brief (group CC) and groups T to BB
	 * in training: 1.6 %; with four more (group GG), group DD in training and 100 epochs:
	 * 1.6 %; with four more (group II, whose own near misses raise 3.6 %), groups EE, FF
	 * and HH in training and the recall kept at 0.98: 1.9 %, held to the target of 2 %;
	 * with ten more (groups KK, MM and NN, whose own near misses raise 2.9 %) and groups
	 * JJ and LL in training: 2.1 %, over the target, held where it is; with twelve more
	 * (groups OO and PP, 2.7 %): 2.3 %; with four more (group QQ) and long near misses
	 * learned by window: 2.0 %, held to the target again; with four more (group RR, 2.8
	 * %): 2.02 %, over the target by three sentences in 14,669, held where it is; with
	 * four more (group SS, 2.3 %): 2.03 %; with eight more (groups TT and UU, 1.1 % and
	 * 2.6 %) and the second member: 2.04 %; with four more (group VV, 2.1 %): the same;
	 * with four more (group WW, 1.7 %): 2.02 %; with four more (group XX, 1.7 %): 2.01 %;
	 * with toll-free helplines and doses read as addresses no longer taken for personal
	 * data: 1.89 %, within the target again; with four more (group YY, 1.1 %): 1.86 %;
	 * with four more (group ZZ, 1.5 %) and a screening's question answered no left to the
	 * model: 1.74 %; with care phrases that did not happen or are a year back left to the
	 * model: 1.62 %; with twelve more (groups AAA, BBB and CCC, 2.2 %, 3.1 % and 2.9 %):
	 * 1.74 %; with four more (group DDD, 1.35 %): 1.73 %; with four more (group EEE, 1.46
	 * %): 1.72 %).
	 */
	@Test
	void nearMissesByKindFromAuthorsTheModelHasNotReadRarelyRaiseAnything() throws IOException {
		List<Sentence> nearMisses = read("/screening/corpus/unseen-near-misses.tsv");
		ScreeningMeasure.Figures figures = ScreeningMeasure.measure(new ScreeningEngine(), nearMisses);
		assertThat(nearMisses).hasSizeGreaterThanOrEqualTo(26200).allMatch((s) -> s.label().equals("none"));
		assertThat(figures.noneFalseAlarmRate()).isLessThanOrEqualTo(0.02);
	}

	@Test
	void theShippedModelIsTheOneTrainedOnTheCorpus() throws IOException {
		ByteArrayOutputStream trained = new ByteArrayOutputStream();
		RiskModelTrainer.shipped(corpus, calibration, cv.thresholds()).write(trained);
		try (InputStream shipped = RiskModel.class.getResourceAsStream("/screening/risk-model.bin")) {
			assertThat(shipped).isNotNull();
			assertThat(trained.toByteArray()).as("run moderation/train-risk-model").isEqualTo(shipped.readAllBytes());
		}
	}

	static List<Sentence> read(String resource) throws IOException {
		try (InputStream in = RiskModelCrossValidationTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return ScreeningMeasure.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
	}

}
