package org.kinship.moderation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.Detector;
import org.kinship.moderation.Finding;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.WatchedTerm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of every detector on the labelled sentences of
 * {@code screening/corpus.tsv}, printed as a table and held to minimums. The sentences
 * after the line {@value #UNTUNED} were written once the engine worked and were not used
 * to change it; they are scored again on their own, so that the table shows how the
 * detectors do on phrasing they were not shaped by. Indirect crisis language ("I've been
 * giving away my things") is what phrase matching misses most: the detectors catch what
 * is said plainly, and facilitators remain the safety net for the rest.
 */
class ScreeningCorpusTests {

	private static final double MIN_PRECISION = 0.9;

	private static final double MIN_RECALL = 0.8;

	static final String UNTUNED = "# --- written after the engine was working";

	private static final TermList TERMS = TermList.compile(List.of(new WatchedTerm("idiot", WatchAction.BLOCK),
			new WatchedTerm("moron", WatchAction.BLOCK), new WatchedTerm("idiota", WatchAction.BLOCK),
			new WatchedTerm("miracle cure", WatchAction.REQUIRE_APPROVAL),
			new WatchedTerm("buy now", WatchAction.REQUIRE_APPROVAL), new WatchedTerm("damn", WatchAction.CENSOR),
			new WatchedTerm("crap", WatchAction.CENSOR), new WatchedTerm("ass", WatchAction.FLAG),
			new WatchedTerm("stupid doctor", WatchAction.FLAG)));

	private static final ScreeningEngine ENGINE = new ScreeningEngine();

	private static final Map<String, Score> scores = new LinkedHashMap<>();

	private static final Map<String, Score> untuned = new LinkedHashMap<>();

	private static final List<String> misses = new ArrayList<>();

	private static int sentences;

	@BeforeAll
	static void screenCorpus() throws IOException {
		for (String label : List.of("CRISIS", "CARE_DISTRESS", "WATCHED_WORD", "PHONE_NUMBER", "EMAIL_ADDRESS",
				"STREET_ADDRESS", "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "SOCIAL_SECURITY_NUMBER")) {
			scores.put(label, new Score());
			untuned.put(label, new Score());
		}
		boolean tuned = true;
		for (String line : corpus()) {
			if (line.startsWith(UNTUNED)) {
				tuned = false;
			}
			if (line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t", 2);
			Set<String> expected = "NONE".equals(columns[0]) ? Set.of() : Set.of(columns[0].split(","));
			Set<String> found = labels(ENGINE.screen(new Submission("sandbox", 1, "Patient/1", columns[1], 10, false),
					ScreeningPolicy.defaults(), TERMS, TermList.empty()));
			scores.forEach((label, score) -> score.count(expected.contains(label), found.contains(label)));
			if (!tuned) {
				untuned.forEach((label, score) -> score.count(expected.contains(label), found.contains(label)));
			}
			if (!expected.equals(found)) {
				misses.add(expected + " expected, " + found + " found: " + columns[1]);
			}
			sentences++;
		}
		print();
	}

	@Test
	void corpusHasAtLeastTwoHundredSentences() {
		assertThat(sentences).isGreaterThanOrEqualTo(200);
	}

	@Test
	void everyDetectorFindsWhatItShouldAndLittleElse() {
		scores.forEach((label, score) -> {
			assertThat(score.precision()).as("precision of %s", label).isGreaterThanOrEqualTo(MIN_PRECISION);
			assertThat(score.recall()).as("recall of %s", label).isGreaterThanOrEqualTo(MIN_RECALL);
		});
	}

	@Test
	void everyDetectorHasExamplesOfBothKinds() {
		scores.forEach((label, score) -> {
			assertThat(score.truePositives + score.falseNegatives).as("sentences with %s", label)
				.isGreaterThanOrEqualTo(5);
			assertThat(score.trueNegatives + score.falsePositives).as("sentences without %s", label)
				.isGreaterThanOrEqualTo(100);
		});
	}

	private static Set<String> labels(Verdict verdict) {
		Set<String> labels = new TreeSet<>();
		for (Finding finding : verdict.findings()) {
			if (finding.detector() == Detector.PERSONAL_DATA) {
				labels.add(finding.label()
					.toUpperCase(Locale.ROOT)
					.replace('-', '_')
					.replace(' ', '_')
					.replace("E_MAIL", "EMAIL"));
			}
			else if (finding.detector() != Detector.NEW_MEMBER) {
				labels.add(finding.detector().name());
			}
		}
		return labels;
	}

	private static List<String> corpus() throws IOException {
		try (InputStream in = ScreeningCorpusTests.class.getResourceAsStream("/screening/corpus.tsv")) {
			assertThat(in).isNotNull();
			return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.filter((line) -> !line.isBlank())
				.toList();
		}
	}

	private static void print() {
		System.out.println();
		table("Screening corpus: " + sentences + " sentences", scores);
		table("Of which written after the engine, not tuned to:", untuned);
		System.out.println(misses.isEmpty() ? "no sentence labelled differently"
				: misses.stream().collect(Collectors.joining("\n  ", "labelled differently:\n  ", "")));
	}

	private static void table(String title, Map<String, Score> table) {
		System.out.println(title);
		System.out.printf("%-24s %4s %4s %4s %9s %7s%n", "detector", "tp", "fp", "fn", "precision", "recall");
		table.forEach((label, score) -> System.out.printf("%-24s %4d %4d %4d %9s %7s%n", label, score.truePositives,
				score.falsePositives, score.falseNegatives, ratio(score.truePositives, score.falsePositives),
				ratio(score.truePositives, score.falseNegatives)));
	}

	private static String ratio(int hits, int others) {
		return (hits + others == 0) ? "-" : String.format(Locale.ROOT, "%.3f", hits / (double) (hits + others));
	}

	private static final class Score {

		int truePositives;

		int falsePositives;

		int falseNegatives;

		int trueNegatives;

		void count(boolean expected, boolean found) {
			if (expected && found) {
				this.truePositives++;
			}
			else if (found) {
				this.falsePositives++;
			}
			else if (expected) {
				this.falseNegatives++;
			}
			else {
				this.trueNegatives++;
			}
		}

		double precision() {
			return (this.truePositives + this.falsePositives == 0) ? 0
					: this.truePositives / (double) (this.truePositives + this.falsePositives);
		}

		double recall() {
			return (this.truePositives + this.falseNegatives == 0) ? 0
					: this.truePositives / (double) (this.truePositives + this.falseNegatives);
		}

	}

}
