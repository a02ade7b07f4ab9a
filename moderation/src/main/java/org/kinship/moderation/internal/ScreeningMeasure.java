package org.kinship.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kinship.moderation.Detector;
import org.kinship.moderation.Finding;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;

/**
 * The contract for measuring screening on a labelled corpus, shared by
 * {@code deploy/bench/screening --corpus} and the module's corpus tests: each sentence of
 * a {@code label	lang	text} file is screened as an established member's message (no
 * watched words, the default group settings, medicines unknown). A {@code crisis}
 * sentence is caught when it raises a crisis finding, urgent or "please look";
 * {@code distress} likewise with a care-distress finding; a personal-data sentence when
 * the message is held for personal data of that kind. A {@code none} sentence is a false
 * alarm when it raises a crisis or care-distress finding or is held for personal data.
 */
public final class ScreeningMeasure {

	/** The labels of personal data, as the corpus names them. */
	public static final List<String> PERSONAL_DATA = List.of("phone", "email", "address", "dob", "mrn", "ssn");

	private static final Map<String, String> KIND_OF_LABEL = Map.of("phone number", "phone", "e-mail address", "email",
			"street address", "address", "date of birth", "dob", "medical record number", "mrn",
			"social security number", "ssn");

	private ScreeningMeasure() {
	}

	/**
	 * One labelled sentence.
	 *
	 * @param label {@code crisis}, {@code distress}, a kind of personal data or
	 * {@code none}
	 * @param lang {@code en} or {@code es}
	 * @param text the sentence
	 */
	public record Sentence(String label, String lang, String text) {
	}

	/**
	 * Reads a corpus: a header line, then one {@code label	lang	text} line for each
	 * sentence; blank lines are skipped.
	 * @param in the file
	 * @return the sentences
	 * @throws IOException when reading fails or a line is not of that form
	 */
	public static List<Sentence> read(Reader in) throws IOException {
		List<Sentence> sentences = new ArrayList<>();
		BufferedReader reader = new BufferedReader(in);
		String header = reader.readLine();
		if (header == null || !header.strip().equals("label\tlang\ttext")) {
			throw new IOException("the first line must be the header label<TAB>lang<TAB>text");
		}
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.isBlank()) {
				continue;
			}
			String[] columns = line.split("\t", 3);
			if (columns.length < 3) {
				throw new IOException("not label<TAB>lang<TAB>text: " + line);
			}
			sentences.add(new Sentence(columns[0].strip(), columns[1].strip(), columns[2]));
		}
		return sentences;
	}

	/**
	 * Screens a sentence the way the contract says.
	 * @param engine the engine
	 * @param sentence the sentence
	 * @return the verdict
	 */
	public static Verdict screen(ScreeningEngine engine, Sentence sentence) {
		return engine.screen(new Submission("sandbox", 1, "Patient/1", sentence.text(), 1_000, false),
				ScreeningPolicy.defaults(), TermList.empty(), TermList.empty());
	}

	/**
	 * What a verdict caught, as corpus labels.
	 * @param verdict the verdict
	 * @return {@code crisis}, {@code distress} and the kinds of personal data it was held
	 * for
	 */
	public static Set<String> caught(Verdict verdict) {
		Set<String> caught = new TreeSet<>();
		boolean heldForPersonalData = verdict.outcome() == Outcome.HOLD
				&& ScreeningEngine.HELD_PERSONAL_DATA.equals(verdict.reasonKey());
		for (Finding finding : verdict.findings()) {
			if (finding.detector() == Detector.CRISIS) {
				caught.add("crisis");
			}
			else if (finding.detector() == Detector.CARE_DISTRESS) {
				caught.add("distress");
			}
			else if (finding.detector() == Detector.PERSONAL_DATA && heldForPersonalData) {
				caught.add(KIND_OF_LABEL.getOrDefault(finding.label(), finding.label()));
			}
		}
		return caught;
	}

	/**
	 * Screens every sentence of a corpus and scores what was caught against the labels.
	 * @param engine the engine
	 * @param sentences the corpus
	 * @return the figures
	 */
	public static Figures measure(ScreeningEngine engine, List<Sentence> sentences) {
		List<Set<String>> caught = new ArrayList<>();
		for (Sentence sentence : sentences) {
			caught.add(caught(screen(engine, sentence)));
		}
		return figures(sentences, caught);
	}

	/**
	 * Scores what was caught against the labels.
	 * @param sentences the corpus
	 * @param caught what was caught in each sentence, in the same order, as
	 * {@link #caught(Verdict)} names it
	 * @return the figures
	 */
	public static Figures figures(List<Sentence> sentences, List<Set<String>> caught) {
		Figures figures = new Figures();
		for (int i = 0; i < sentences.size(); i++) {
			figures.count(sentences.get(i), caught.get(i));
		}
		return figures;
	}

	/**
	 * Precision and recall by label and language, and the false alarms on near misses.
	 */
	public static final class Figures {

		private final Map<String, int[]> counts = new LinkedHashMap<>();

		private int none;

		private int falseAlarms;

		private final Map<String, Integer> falseAlarmsBy = new LinkedHashMap<>();

		private final List<String> misses = new ArrayList<>();

		void count(Sentence sentence, Set<String> caught) {
			for (String label : labels()) {
				for (String lang : List.of(sentence.lang(), "all")) {
					int[] c = this.counts.computeIfAbsent(label + " " + lang, (k) -> new int[3]);
					boolean expected = label.equals(sentence.label());
					boolean found = caught.contains(label);
					c[0] += (expected && found) ? 1 : 0;
					c[1] += (!expected && found) ? 1 : 0;
					c[2] += (expected && !found) ? 1 : 0;
				}
			}
			if ("none".equals(sentence.label())) {
				this.none++;
				this.falseAlarms += caught.isEmpty() ? 0 : 1;
				caught.forEach((label) -> this.falseAlarmsBy.merge(label, 1, Integer::sum));
			}
			boolean right = "none".equals(sentence.label()) ? caught.isEmpty() : caught.contains(sentence.label());
			if (!right) {
				this.misses.add(sentence.label() + " " + sentence.lang() + " " + caught + ": " + sentence.text());
			}
		}

		private static List<String> labels() {
			List<String> labels = new ArrayList<>(List.of("crisis", "distress"));
			labels.addAll(PERSONAL_DATA);
			return labels;
		}

		/**
		 * Recall of a label.
		 * @param label a label
		 * @param lang {@code en}, {@code es} or {@code all}
		 * @return caught over labelled; 1 when none are labelled
		 */
		public double recall(String label, String lang) {
			int[] c = this.counts.getOrDefault(label + " " + lang, new int[3]);
			return (c[0] + c[2] == 0) ? 1 : c[0] / (double) (c[0] + c[2]);
		}

		/**
		 * Precision of a label.
		 * @param label a label
		 * @param lang {@code en}, {@code es} or {@code all}
		 * @return right over found; 1 when nothing was found
		 */
		public double precision(String label, String lang) {
			int[] c = this.counts.getOrDefault(label + " " + lang, new int[3]);
			return (c[0] + c[1] == 0) ? 1 : c[0] / (double) (c[0] + c[1]);
		}

		/**
		 * Recall over every kind of personal data together.
		 * @return caught over labelled
		 */
		public double personalDataRecall() {
			int caught = 0;
			int labelled = 0;
			for (String kind : PERSONAL_DATA) {
				int[] c = this.counts.getOrDefault(kind + " all", new int[3]);
				caught += c[0];
				labelled += c[0] + c[2];
			}
			return (labelled == 0) ? 1 : caught / (double) labelled;
		}

		/**
		 * The share of {@code none} sentences that raised anything.
		 * @return false alarms over near misses; 0 when there are none
		 */
		public double noneFalseAlarmRate() {
			return (this.none == 0) ? 0 : this.falseAlarms / (double) this.none;
		}

		/**
		 * The share of {@code none} sentences that raised one label.
		 * @param label {@code crisis}, {@code distress} or a kind of personal data
		 * @return false alarms of that label over near misses; 0 when there are none
		 */
		public double noneFalseAlarmRate(String label) {
			return (this.none == 0) ? 0 : this.falseAlarmsBy.getOrDefault(label, 0) / (double) this.none;
		}

		/**
		 * The sentences that were not caught as labelled, or raised something as
		 * {@code none}.
		 * @return one line each: label, language, what was caught, the sentence
		 */
		public List<String> misses() {
			return List.copyOf(this.misses);
		}

		/**
		 * The table: for each label and language, the sentences labelled, precision and
		 * recall, then the false alarms on near misses.
		 * @return lines to print
		 */
		public List<String> table() {
			List<String> lines = new ArrayList<>();
			lines.add(String.format(Locale.ROOT, "%-9s %-4s %5s %5s %5s %9s %7s", "label", "lang", "n", "tp", "fp",
					"precision", "recall"));
			this.counts.forEach((key, c) -> {
				String[] parts = key.split(" ");
				if (c[0] + c[1] + c[2] > 0) {
					lines.add(String.format(Locale.ROOT, "%-9s %-4s %5d %5d %5d %9.3f %7.3f", parts[0], parts[1],
							c[0] + c[2], c[0], c[1], precision(parts[0], parts[1]), recall(parts[0], parts[1])));
				}
			});
			lines.add(String.format(Locale.ROOT, "none: %d sentences, %d false alarms, rate %.3f", this.none,
					this.falseAlarms, noneFalseAlarmRate()));
			return lines;
		}

		/**
		 * The last line of the contract.
		 * @param p99Micros the 99th percentile of screening one sentence, in microseconds
		 * @return one line of JSON
		 */
		public String json(double p99Micros) {
			return String.format(Locale.ROOT,
					"{\"crisis_recall_en\":%.4f,\"crisis_recall_es\":%.4f,\"crisis_precision\":%.4f,"
							+ "\"distress_recall\":%.4f,\"pii_recall\":%.4f,\"none_false_alarm_rate\":%.4f,"
							+ "\"p99_us\":%.1f}",
					recall("crisis", "en"), recall("crisis", "es"), precision("crisis", "all"),
					recall("distress", "all"), personalDataRecall(), noneFalseAlarmRate(), p99Micros);
		}

		@Override
		public String toString() {
			return String.join("\n", table());
		}

	}

	/**
	 * The 99th percentile of durations.
	 * @param nanos durations in nanoseconds
	 * @return in microseconds
	 */
	public static double p99Micros(long[] nanos) {
		if (nanos.length == 0) {
			return 0;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(sorted.length * 0.99) - 1;
		return sorted[Math.max(0, rank)] / 1e3;
	}

}
