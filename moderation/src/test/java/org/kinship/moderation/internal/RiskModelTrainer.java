package org.kinship.moderation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.kinship.moderation.Detector;
import org.kinship.moderation.internal.ScreeningMeasure.Figures;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

/**
 * Trains the learned crisis and care-distress path ({@link RiskModel}) on the labelled
 * training corpus, reports its cross-validated figures, chooses its thresholds on the
 * calibration corpus (written by other authors from the brief, never trained on)
 * and writes it where the jar ships it:
 *
 * <pre>
 * moderation/train-risk-model
 * </pre>
 *
 * Deterministic: the same corpus gives the same model, byte for byte. Multinomial
 * logistic regression with AdaGrad and L2, over the hashed {@link RiskFeatures}; crisis
 * and care distress are weighed up against the third class (everything else) so that the
 * cross-validated recall comes first.
 *
 * <p>
 * For experiments, the settings can be changed with system properties
 * ({@code JAVA_OPTS=-Drisk.lookCrisisAlarms=0.0125 moderation/train-risk-model}), and
 * {@code -Drisk.extra=FILE.tsv} adds sentences to every training fold without scoring
 * them, so that a corpus addition is judged on the same out-of-fold sentences as before.
 * The shipped model is the one without any of them.
 */
final class RiskModelTrainer {

	static final int FOLDS = 5;

	static final long SEED = 20260519L;

	private static final int EPOCHS = (int) setting("risk.epochs", 100);

	private static final double RATE = setting("risk.rate", 0.1);

	private static final double L2 = setting("risk.l2", 1e-6);

	/**
	 * The context spans of the members after the first, those that read word classes in
	 * their context ({@link RiskFeatures#withContext}), separated by commas; 0 trains the
	 * first member alone.
	 */
	private static final int[] CONTEXTS = Arrays.stream(System.getProperty("risk.context", "4").split(","))
		.mapToInt(Integer::parseInt)
		.filter((span) -> span > 0)
		.toArray();

	/** The least cross-validated precision of a "please look" finding. */
	private static final double LOOK_PRECISION = 0.9;

	/**
	 * The most near misses each detector (crisis, care distress) may raise at "please
	 * look", phrases included: a "please look" item delays nothing, so its cap is looser
	 * than the urgent tier's, within the budget of 2 % of near misses for everything
	 * screening raises.
	 */
	private static final double[] LOOK_FALSE_ALARMS = { setting("risk.lookCrisisAlarms", 0.01),
			setting("risk.lookDistressAlarms", 0.01) };

	/**
	 * The caps of {@link #LOOK_FALSE_ALARMS} for the shipped thresholds, on the
	 * calibration corpus: 1.25 % of its near misses together, leaving room within the
	 * budget of 2 % for authors whose near misses are harder than its own (thresholds
	 * chosen on one half of its authors raised 1.0 % and 2.1 % on the other half).
	 */
	private static final double[] CALIBRATED_FALSE_ALARMS = { setting("risk.calibratedCrisisAlarms", 0.0075),
			setting("risk.calibratedDistressAlarms", 0.005) };

	/**
	 * The crisis recall, in each language, that the shipped "please look" threshold keeps
	 * on the calibration corpus: the threshold rises as far as it can without falling
	 * below it, so that what a better model ranks better goes to fewer false alarms
	 * rather than to recall beyond the target of 0.95. Zero leaves the caps alone.
	 */
	private static final double LOOK_CRISIS_RECALL = setting("risk.lookCrisisRecall", 0.985);

	/**
	 * The care-distress recall, in each language, that the shipped "please look"
	 * threshold keeps on the calibration corpus, as {@link #LOOK_CRISIS_RECALL} does for
	 * crisis: the target of 0.9 and a margin of 0.03. The calibration corpus's
	 * care-distress sentences are the hardest of any authors' (0.95 caught there at the
	 * cap's threshold, against 0.99 on the checks), so the margin holds more on theirs.
	 * Zero leaves the cap alone.
	 */
	private static final double LOOK_DISTRESS_RECALL = setting("risk.lookDistressRecall", 0.93);

	/** The least cross-validated precision of an urgent finding from the model. */
	private static final double URGENT_PRECISION = 0.97;

	/**
	 * The most near misses the model alone may raise at the urgent threshold: tighter
	 * than the "please look" caps, since an urgent finding calls someone at once.
	 */
	private static final double URGENT_FALSE_ALARMS = setting("risk.urgentAlarms", 0.003);

	private static final RiskModel.Thresholds UNTUNED = new RiskModel.Thresholds(0.5f, 0.9f, 0.5f, 0.9f);

	private RiskModelTrainer() {
	}

	/** A setting that experiments may change with a system property. */
	private static double setting(String name, double shipped) {
		String value = System.getProperty(name);
		return (value == null) ? shipped : Double.parseDouble(value);
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: RiskModelTrainer TRAIN.tsv CALIBRATION.tsv MODEL.bin");
			System.exit(2);
		}
		List<Sentence> corpus = read(Path.of(args[0]));
		List<Sentence> calibration = read(Path.of(args[1]));
		CrossValidation cv = crossValidate(corpus);
		System.out.println("cross-validated (" + FOLDS + " folds) on " + corpus.size() + " sentences, thresholds "
				+ cv.thresholds());
		if (System.getenv("RISK_CURVES") != null) {
			cv.figures().misses().forEach((miss) -> System.out.println("out-of-fold miss: " + miss));
		}
		cv.figures().table().forEach(System.out::println);
		System.out.println(String.format(Locale.ROOT, "near misses raising crisis %.4f, distress %.4f",
				cv.figures().noneFalseAlarmRate("crisis"), cv.figures().noneFalseAlarmRate("distress")));
		System.out.println(cv.figures().json(0));
		RiskModel model = shipped(corpus, calibration, cv.thresholds());
		Figures calibrated = ScreeningMeasure.measure(new ScreeningEngine(model), calibration);
		System.out.println("thresholds chosen on the calibration corpus (" + calibration.size() + " sentences): "
				+ model.thresholds());
		calibrated.table().forEach(System.out::println);
		System.out.println(calibrated.json(0));
		try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
			model.write(out);
		}
		System.out.println("written " + args[2] + " (" + Files.size(Path.of(args[2])) + " bytes)");
	}

	/**
	 * The model the jar ships: trained on the whole training corpus, its "please look"
	 * thresholds chosen on the calibration corpus. An urgent finding calls someone at
	 * once, so its threshold keeps its bounds on both corpora's near misses: the higher
	 * of the two.
	 * @param corpus the training corpus
	 * @param calibration the calibration corpus
	 * @param crossValidated the thresholds chosen on cross-validation of the training
	 * corpus
	 * @return the model with its thresholds
	 */
	static RiskModel shipped(List<Sentence> corpus, List<Sentence> calibration, RiskModel.Thresholds crossValidated) {
		RiskModel model = train(corpus);
		double[][] scores = new double[calibration.size()][];
		for (int i = 0; i < calibration.size(); i++) {
			scores[i] = scores(model, calibration.get(i));
		}
		RiskModel.Thresholds calibrated = thresholds(calibration, scores, CALIBRATED_FALSE_ALARMS);
		float lookCrisis = keepingRecall(calibration, scores, 0, calibrated.lookCrisis(), LOOK_CRISIS_RECALL);
		float lookDistress = keepingRecall(calibration, scores, 1, calibrated.lookDistress(), LOOK_DISTRESS_RECALL);
		return model.withThresholds(new RiskModel.Thresholds(lookCrisis,
				Math.max(lookCrisis, Math.max(calibrated.urgentCrisis(), crossValidated.urgentCrisis())), lookDistress,
				Math.max(lookDistress, Math.max(calibrated.urgentDistress(), crossValidated.urgentDistress()))));
	}

	/**
	 * The highest threshold of one detector (0 crisis, 1 care distress), from the one
	 * given up, at which its sentences of each language are still caught (phrases or
	 * model) at the recall given; zero leaves the threshold given.
	 */
	private static float keepingRecall(List<Sentence> corpus, double[][] scores, int c, float from, double recall) {
		if (recall <= 0) {
			return from;
		}
		String label = (c == 0) ? "crisis" : "distress";
		boolean[] phrase = phrases(corpus, scores, c);
		float kept = from;
		for (int step = Math.round(from * 1000); step <= 999; step++) {
			float t = step / 1000f;
			for (String lang : List.of("en", "es")) {
				int labelled = 0;
				int caught = 0;
				for (int i = 0; i < corpus.size(); i++) {
					if (corpus.get(i).label().equals(label) && corpus.get(i).lang().equals(lang)) {
						labelled++;
						caught += (phrase[i] || scores[i][c] >= t) ? 1 : 0;
					}
				}
				if (labelled == 0 || caught < recall * labelled) {
					return kept;
				}
			}
			kept = t;
		}
		return kept;
	}

	/**
	 * Which sentences a phrase of the list raises for one detector (0 crisis, 1 care
	 * distress), as {@link CrisisDetector} decides it: not where the model all but rules
	 * the phrase out.
	 */
	private static boolean[] phrases(List<Sentence> corpus, double[][] scores, int c) {
		Detector detector = (c == 0) ? Detector.CRISIS : Detector.CARE_DISTRESS;
		boolean[] phrase = new boolean[corpus.size()];
		for (int i = 0; i < corpus.size(); i++) {
			phrase[i] = CrisisDetector.phrases(TextNormalizer.forWords(corpus.get(i).text()), Set.of())
				.contains(detector) && scores[i][c] >= CrisisDetector.CONTRADICTED;
		}
		return phrase;
	}

	private static double[] scores(RiskModel model, Sentence sentence) {
		RiskModel.Scores s = model.score(sentence.text(),
				CrisisDetector.forModel(TextNormalizer.forWords(sentence.text())), Set.of());
		return new double[] { s.crisis(), s.distress() };
	}

	static List<Sentence> read(Path path) throws IOException {
		try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return ScreeningMeasure.read(in);
		}
	}

	/**
	 * Cross-validation of the whole screening (phrases and model) on the corpus: the
	 * thresholds chosen on the out-of-fold scores, then each fold screened by the engine
	 * with the model trained without it.
	 * @param corpus the training corpus
	 * @return the thresholds and the out-of-fold figures
	 */
	static CrossValidation crossValidate(List<Sentence> corpus) throws IOException {
		String extra = System.getProperty("risk.extra");
		return crossValidate(corpus, (extra == null) ? List.of() : read(Path.of(extra)));
	}

	/**
	 * Cross-validation as {@link #crossValidate(List)}, with more sentences in every
	 * training fold that are never scored: to compare a corpus addition on the same
	 * out-of-fold sentences as before.
	 * @param corpus the corpus to cross-validate
	 * @param extra sentences added to every training fold
	 * @return the thresholds and the out-of-fold figures
	 */
	static CrossValidation crossValidate(List<Sentence> corpus, List<Sentence> extra) {
		int[] fold = folds(corpus);
		RiskModel[] models = new RiskModel[FOLDS];
		double[][] scores = new double[corpus.size()][];
		// the folds share nothing they write, so they train side by side:
		// the same models, in less time on a machine of several cores
		IntStream.range(0, FOLDS).parallel().forEach((f) -> {
			List<Sentence> rest = new ArrayList<>(extra);
			for (int i = 0; i < corpus.size(); i++) {
				if (fold[i] != f) {
					rest.add(corpus.get(i));
				}
			}
			RiskModel model = train(rest);
			models[f] = model;
			for (int i = 0; i < corpus.size(); i++) {
				if (fold[i] == f) {
					scores[i] = scores(model, corpus.get(i));
				}
			}
		});
		RiskModel.Thresholds thresholds = thresholds(corpus, scores, LOOK_FALSE_ALARMS);
		if (System.getenv("RISK_CURVES") != null) {
			curves(corpus, scores);
		}
		summary(corpus, scores);
		List<Set<String>> caught = new ArrayList<>(Collections.nCopies(corpus.size(), Set.of()));
		for (int f = 0; f < FOLDS; f++) {
			ScreeningEngine engine = new ScreeningEngine(models[f].withThresholds(thresholds));
			for (int i = 0; i < corpus.size(); i++) {
				if (fold[i] == f) {
					caught.set(i, ScreeningMeasure.caught(ScreeningMeasure.screen(engine, corpus.get(i))));
				}
			}
		}
		return new CrossValidation(thresholds, ScreeningMeasure.figures(corpus, caught));
	}

	/** Folds stratified by label and language, from a fixed seed. */
	private static int[] folds(List<Sentence> corpus) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < corpus.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(SEED));
		order.sort(Comparator.comparing((Integer i) -> corpus.get(i).label() + " " + corpus.get(i).lang()));
		int[] fold = new int[corpus.size()];
		for (int k = 0; k < order.size(); k++) {
			fold[order.get(k)] = k % FOLDS;
		}
		return fold;
	}

	/**
	 * For each detector, the lowest "please look" threshold whose findings (phrases or
	 * model) keep their precision and raise at most its cap of the near misses, and the
	 * lowest urgent threshold at or above it whose model-only findings are nearly always
	 * right.
	 * @param corpus the sentences scored
	 * @param scores their crisis and care-distress scores, out of fold where the model
	 * was trained on them
	 * @param lookFalseAlarms the caps of "please look" for crisis and care distress
	 * @return the thresholds
	 */
	static RiskModel.Thresholds thresholds(List<Sentence> corpus, double[][] scores, double[] lookFalseAlarms) {
		float[] chosen = new float[4];
		String[] labels = { "crisis", "distress" };
		for (int c = 0; c < 2; c++) {
			boolean[] phrase = phrases(corpus, scores, c);
			// in thousandths: with more crisis than `none` sentences in the
			// corpus, the scores that matter crowd near 1
			float look = 0.999f;
			for (int step = 999; step >= 50; step--) {
				float t = step / 1000f;
				Rates rates = rates(corpus, scores, phrase, c, labels[c], t);
				if (rates.precision() >= LOOK_PRECISION && rates.falseAlarms() <= lookFalseAlarms[c]) {
					look = t;
				}
			}
			float urgent = 0.999f;
			for (int step = 999; step * 0.001f >= look; step--) {
				float t = step / 1000f;
				Rates rates = rates(corpus, scores, new boolean[corpus.size()], c, labels[c], t);
				if (rates.precision() >= URGENT_PRECISION && rates.falseAlarms() <= URGENT_FALSE_ALARMS) {
					urgent = t;
				}
			}
			chosen[2 * c] = look;
			chosen[2 * c + 1] = Math.max(look, urgent);
		}
		return new RiskModel.Thresholds(chosen[0], chosen[1], chosen[2], chosen[3]);
	}

	private static Rates rates(List<Sentence> corpus, double[][] scores, boolean[] phrase, int c, String label,
			float t) {
		int tp = 0;
		int fp = 0;
		int none = 0;
		int alarms = 0;
		for (int i = 0; i < corpus.size(); i++) {
			boolean found = phrase[i] || scores[i][c] >= t;
			boolean expected = corpus.get(i).label().equals(label);
			tp += (found && expected) ? 1 : 0;
			fp += (found && !expected) ? 1 : 0;
			if (corpus.get(i).label().equals("none")) {
				none++;
				alarms += found ? 1 : 0;
			}
		}
		return new Rates((tp + fp == 0) ? 1 : tp / (double) (tp + fp), (none == 0) ? 0 : alarms / (double) none);
	}

	private static void summary(List<Sentence> corpus, double[][] scores) {
		String[] labels = { "crisis", "distress" };
		StringBuilder line = new StringBuilder("model alone:");
		for (int c = 0; c < 2; c++) {
			double atPrecision = 0;
			double atAlarms = 0;
			for (int step = 99; step >= 1; step--) {
				double t = step / 100.0;
				int tp = 0;
				int fp = 0;
				int n = 0;
				int alarms = 0;
				int none = 0;
				for (int i = 0; i < corpus.size(); i++) {
					boolean found = scores[i][c] >= t;
					boolean expected = corpus.get(i).label().equals(labels[c]);
					n += expected ? 1 : 0;
					tp += (found && expected) ? 1 : 0;
					fp += (found && !expected) ? 1 : 0;
					none += corpus.get(i).label().equals("none") ? 1 : 0;
					alarms += (found && corpus.get(i).label().equals("none")) ? 1 : 0;
				}
				if (tp / (double) Math.max(1, tp + fp) >= 0.9) {
					atPrecision = Math.max(atPrecision, tp / (double) n);
				}
				if (alarms <= none * 0.01) {
					atAlarms = Math.max(atAlarms, tp / (double) n);
				}
			}
			line.append(String.format(Locale.ROOT, " %s recall@p.9 %.3f recall@fa1%% %.3f", labels[c], atPrecision,
					atAlarms));
		}
		System.out.println(line);
	}

	/** Out-of-fold recall, precision and near-miss alarms of the model alone. */
	private static void curves(List<Sentence> corpus, double[][] scores) {
		String[] labels = { "crisis", "distress" };
		for (int c = 0; c < 2; c++) {
			for (int step = 5; step <= 95; step += 5) {
				double t = step / 100.0;
				int tp = 0;
				int fp = 0;
				int n = 0;
				int alarms = 0;
				for (int i = 0; i < corpus.size(); i++) {
					boolean found = scores[i][c] >= t;
					boolean expected = corpus.get(i).label().equals(labels[c]);
					n += expected ? 1 : 0;
					tp += (found && expected) ? 1 : 0;
					fp += (found && !expected) ? 1 : 0;
					alarms += (found && corpus.get(i).label().equals("none")) ? 1 : 0;
				}
				System.out.printf(Locale.ROOT, "%s t=%.2f recall %.3f precision %.3f none-alarms %d%n", labels[c], t,
						tp / (double) n, tp / (double) Math.max(1, tp + fp), alarms);
			}
		}
		for (int i = 0; i < corpus.size(); i++) {
			Sentence s = corpus.get(i);
			if (s.label().equals("none") && (scores[i][0] > 0.3 || scores[i][1] > 0.3)) {
				System.out.printf(Locale.ROOT, "none %.2f %.2f %s%n", scores[i][0], scores[i][1], s.text());
			}
		}
	}

	private record Rates(double precision, double falseAlarms) {
	}

	/**
	 * A model trained on sentences, with untuned thresholds: one member that reads no
	 * context and one for each span of {@link #CONTEXTS}, that reads word classes in
	 * their context, all averaged.
	 * @param sentences labelled sentences
	 * @return the model
	 */
	static RiskModel train(List<Sentence> sentences) {
		// the members share nothing they write, so they train side by side, in the
		// order of their spans: the same model, in less time on several cores
		List<RiskModel.Member> members = IntStream.concat(IntStream.of(0), Arrays.stream(CONTEXTS))
			.parallel()
			.mapToObj((span) -> train(sentences, span))
			.toList();
		return RiskModel.averaging(members, UNTUNED);
	}

	/**
	 * One member trained on sentences.
	 * @param sentences labelled sentences
	 * @param context the span of its context pairs, 0 for none
	 * @return the member
	 */
	static RiskModel.Member train(List<Sentence> sentences, int context) {
		List<int[]> examples = new ArrayList<>();
		List<Integer> exampleClasses = new ArrayList<>();
		for (Sentence sentence : sentences) {
			String[] words = CrisisDetector.forModel(TextNormalizer.forWords(sentence.text())).strip().split(" ");
			String[] stems = RiskFeatures.stems(words, RiskFeatures.language(words), Set.of());
			int[][] concepts = RiskConcepts.of(words, stems);
			int[] symbols = RiskFeatures.symbols(sentence.text());
			int c = classOf(sentence.label());
			// a long message scores as its riskiest window, so a long one without
			// risk is learned window by window, as it will be read: each of its
			// windows must stay low, not only the whole
			boolean windowed = c == RiskModel.OTHER && words.length > RiskModel.WINDOW;
			for (int from : windowed ? RiskModel.windows(words.length) : new int[] { 0 }) {
				int to = windowed ? from + RiskModel.WINDOW : words.length;
				int[] plain = RiskFeatures.of(words, stems, concepts, from, to, symbols);
				examples
					.add((context == 0) ? plain : RiskFeatures.withContext(plain, stems, concepts, from, to, context));
				exampleClasses.add(c);
			}
		}
		int n = examples.size();
		int[][] features = examples.toArray(new int[0][]);
		int[] classes = exampleClasses.stream().mapToInt(Integer::intValue).toArray();
		float[] weights = new float[RiskFeatures.SIZE * RiskModel.CLASSES];
		float[] squares = new float[weights.length];
		float[] bias = new float[RiskModel.CLASSES];
		double[] biasSquares = new double[RiskModel.CLASSES];
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Random random = new Random(SEED);
		double[] g = new double[RiskModel.CLASSES];
		RiskModel.Member member = new RiskModel.Member(weights, bias, context);
		for (int epoch = 0; epoch < EPOCHS; epoch++) {
			Collections.shuffle(order, random);
			for (int i : order) {
				double[] p = member.probabilities(features[i]);
				double value = 1 / Math.sqrt(features[i].length + RiskModel.DAMPING);
				for (int k = 0; k < RiskModel.CLASSES; k++) {
					g[k] = p[k] - ((classes[i] == k) ? 1 : 0);
					biasSquares[k] += g[k] * g[k];
					bias[k] -= (float) (RATE * g[k] / Math.sqrt(biasSquares[k] + 1e-8));
				}
				// a feature's classes together: each weight sees the same updates
				// in the same order as class by class, with fewer cache misses
				for (int feature : features[i]) {
					int base = feature * RiskModel.CLASSES;
					for (int k = 0; k < RiskModel.CLASSES; k++) {
						int at = base + k;
						double grad = g[k] * value + L2 * weights[at];
						squares[at] += (float) (grad * grad);
						weights[at] -= (float) (RATE * grad / Math.sqrt(squares[at] + 1e-8));
					}
				}
			}
		}
		return member;
	}

	static int classOf(String label) {
		return switch (label.toLowerCase(Locale.ROOT)) {
			case "crisis" -> RiskModel.CRISIS;
			case "distress" -> RiskModel.DISTRESS;
			default -> RiskModel.OTHER;
		};
	}

	/**
	 * What cross-validation found.
	 *
	 * @param thresholds the tiers chosen on the out-of-fold scores
	 * @param figures the out-of-fold figures of the whole screening
	 */
	record CrossValidation(RiskModel.Thresholds thresholds, Figures figures) {
	}

}
