package org.kinship.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The word classes of {@code screening/risk-concepts.txt}: words that the learned path
 * reads as one more feature in common ("giving", "donating", "regalé" are all
 * {@code give}; "guitar", "herramientas" are {@code belongings}), so that what the model
 * learns from one wording of a warning sign reaches the others and the other language. A
 * word is looked up as written, then by its stem in either language's stemmer.
 */
final class RiskConcepts {

	/** At most this many classes of one word are read. */
	static final int MAX_PER_WORD = 4;

	/** The class every medicine is in, by its stem {@link RiskFeatures#MEDICINE}. */
	private static final String MEDICINES_CLASS = "pills";

	private static final String[] NAMES;

	/** A folded word or stem to the indexes of its classes. */
	private static final Map<String, int[]> CLASSES;

	private static final int[] NONE = new int[0];

	private static final int MEDICINES;

	static {
		List<String> names = new ArrayList<>();
		Map<String, int[]> classes = new HashMap<>();
		read(names, classes);
		NAMES = names.toArray(String[]::new);
		CLASSES = Map.copyOf(classes);
		MEDICINES = names.indexOf(MEDICINES_CLASS);
	}

	private RiskConcepts() {
	}

	/**
	 * The classes of each word.
	 * @param words the folded words
	 * @param stems their stems, as {@link RiskFeatures#stems} gives them
	 * @return for each word the indexes of its classes, an empty array for none
	 */
	static int[][] of(String[] words, String[] stems) {
		int[][] classes = new int[words.length][];
		for (int i = 0; i < words.length; i++) {
			if (RiskFeatures.MEDICINE.equals(stems[i]) && MEDICINES >= 0) {
				classes[i] = new int[] { MEDICINES };
				continue;
			}
			int[] found = CLASSES.get(words[i]);
			if (found == null) {
				found = CLASSES.get(stems[i]);
			}
			classes[i] = (found != null) ? found : NONE;
		}
		return classes;
	}

	/**
	 * The name of a class, for tests and messages.
	 * @param index the class's index
	 * @return its name in the file
	 */
	static String name(int index) {
		return NAMES[index];
	}

	private static void read(List<String> names, Map<String, int[]> classes) {
		InputStream in = RiskConcepts.class.getResourceAsStream("/screening/risk-concepts.txt");
		if (in == null) {
			throw new IllegalStateException("screening/risk-concepts.txt is missing");
		}
		SnowballStemmer english = new EnglishStemmer();
		SnowballStemmer spanish = new SpanishStemmer();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int current = -1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				if (trimmed.startsWith("[")) {
					names.add(trimmed.substring(1, trimmed.length() - 1));
					current = names.size() - 1;
					continue;
				}
				if (current < 0) {
					throw new IllegalStateException("screening/risk-concepts.txt: words before a class: " + trimmed);
				}
				for (String word : TextNormalizer.forTerm(trimmed).split(" ")) {
					add(classes, word, current);
					add(classes, stem(english, word), current);
					add(classes, stem(spanish, word), current);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String stem(SnowballStemmer stemmer, String word) {
		if (word.length() < 3) {
			return word;
		}
		stemmer.setCurrent(word);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	private static void add(Map<String, int[]> classes, String key, int index) {
		int[] old = classes.getOrDefault(key, NONE);
		for (int existing : old) {
			if (existing == index) {
				return;
			}
		}
		if (old.length == MAX_PER_WORD) {
			return;
		}
		int[] grown = Arrays.copyOf(old, old.length + 1);
		grown[old.length] = index;
		classes.put(key, grown);
	}

}
