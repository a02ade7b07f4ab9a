package org.kinship.moderation.internal;

import java.util.Arrays;
import java.util.Set;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The features of the learned crisis and care-distress path ({@link RiskModel}): for a
 * run of folded words, the hashed indexes of
 * <ul>
 * <li>each word's stem (Snowball, English or Spanish as the message reads; Spanish
 * attached pronouns come off with it, so that "matarme" and "me quiero matar" share
 * "mat"), the member's and other known medicines all one stem ({@link #MEDICINE});</li>
 * <li>pairs of neighbouring stems, and pairs one word apart ("ran out" ... "lasix");</li>
 * <li>the stems of the three words after a negation again, marked as negated ("never" ...
 * "hurt"), so that "I would never hurt myself" does not read as "hurt myself";</li>
 * <li>character 3- to 5-grams inside each word, so that typos, slang and clipped words
 * still share most of their features with the words the model learned;</li>
 * <li>the emoji, other symbols, exclamation and question marks of the message, which
 * folding drops but which often tell a joke from a farewell;</li>
 * <li>for a model that reads context, each word class with the stem of every word up to
 * its context span on either side ("train" near "ticket" or near "cancelled", "muerte"
 * near "hace" and "años"), so that what surrounds a warning sign weighs on it.</li>
 * </ul>
 * Plain Java, no state: a new stemmer for each call, since Snowball's are not safe to
 * share.
 */
final class RiskFeatures {

	/** Bits of the hashed feature space. */
	static final int BITS = 18;

	static final int SIZE = 1 << BITS;

	/** The stem every medicine name is read as. */
	static final String MEDICINE = "#med";

	private static final Set<String> SPANISH = Set.of("que", "de", "la", "el", "y", "no", "me", "mi", "mis", "en",
			"los", "las", "por", "con", "para", "es", "lo", "se", "ya", "yo", "un", "una", "pero", "porque", "tengo",
			"estoy", "muy", "nada", "todo", "mas", "como", "cuando", "hoy", "nadie", "voy", "quiero", "puedo", "esta",
			"eso", "del", "al", "sin", "ni", "le", "su", "sus", "hay", "ser", "si", "tambien");

	private static final Set<String> ENGLISH = Set.of("the", "i", "to", "and", "my", "a", "is", "it", "of", "me",
			"that", "in", "for", "on", "this", "have", "im", "was", "just", "so", "be", "not", "dont", "cant", "with",
			"but", "all", "you", "at", "am", "myself", "any", "anymore", "out", "what", "do", "they", "will", "can",
			"been", "get", "like", "if", "no", "up", "its", "or", "an", "are", "would", "about");

	/** How many words after a word its classes are paired with. */
	private static final int CLASS_SPAN = 3;

	/** The most class features one word adds. */
	private static final int CLASS_FEATURES = RiskConcepts.MAX_PER_WORD * (1 + CLASS_SPAN * RiskConcepts.MAX_PER_WORD);

	/** How many words after a negation are read as negated. */
	private static final int NEGATED_WORDS = 3;

	/** Words that turn what follows around: "never hurt myself", "no quiero morir". */
	private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "dont", "didnt", "wont", "wouldnt",
			"isnt", "wasnt", "arent", "havent", "nunca", "jamas", "tampoco", "ni", "nope", "nah");

	private RiskFeatures() {
	}

	/** The two languages the stems are made for. */
	enum Language {

		ENGLISH, SPANISH

	}

	/**
	 * The language a message reads as, by its most common small words; English when it is
	 * a tie.
	 * @param words the folded words
	 * @return the language
	 */
	static Language language(String[] words) {
		int spanish = 0;
		int english = 0;
		for (String word : words) {
			spanish += SPANISH.contains(word) ? 1 : 0;
			english += ENGLISH.contains(word) ? 1 : 0;
		}
		return (spanish > english) ? Language.SPANISH : Language.ENGLISH;
	}

	/**
	 * The stems of the words, medicines read as {@link #MEDICINE}.
	 * @param words the folded words
	 * @param language how to stem them
	 * @param medicines folded names to read as medicines
	 * @return one stem for each word
	 */
	static String[] stems(String[] words, Language language, Set<String> medicines) {
		SnowballStemmer stemmer = (language == Language.SPANISH) ? new SpanishStemmer() : new EnglishStemmer();
		String[] stems = new String[words.length];
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (medicines.contains(word) || MedicineNames.isKnown(word)) {
				stems[i] = MEDICINE;
			}
			else if (word.length() < 3 || word.length() > 30) {
				stems[i] = word;
			}
			else {
				stemmer.setCurrent(word);
				stemmer.stem();
				stems[i] = stemmer.getCurrent();
			}
		}
		return stems;
	}

	/**
	 * The hashed features of a run of words.
	 * @param words the folded words
	 * @param stems their stems
	 * @param from the first word
	 * @param to the index after the last word
	 * @param symbols the message's {@link #symbols(String)}
	 * @return the feature indexes, a feature as often as it occurs
	 */
	static int[] of(String[] words, String[] stems, int[][] classes, int from, int to, int[] symbols) {
		int[] features = Arrays.copyOf(symbols, Math.max(64, symbols.length));
		int count = symbols.length;
		int negated = 0;
		for (int i = from; i < to; i++) {
			int needed = count + 4 + 3 * (words[i].length() + 2) + CLASS_FEATURES;
			if (needed > features.length) {
				features = Arrays.copyOf(features, Math.max(needed, features.length * 2));
			}
			int stem = hash(stems[i], 'u');
			features[count++] = index(stem);
			if (negated > 0) {
				features[count++] = index(hash(stems[i], 'n'));
				negated--;
			}
			if (NEGATIONS.contains(words[i])) {
				negated = NEGATED_WORDS;
			}
			if (i + 1 < to) {
				features[count++] = index(mix(stem * 31 + hash(stems[i + 1], 'b')));
			}
			if (i + 2 < to) {
				features[count++] = index(mix(stem * 37 + hash(stems[i + 2], 's')));
			}
			if (!MEDICINE.equals(stems[i])) {
				count = grams(words[i], features, count);
			}
			count = classes(classes, i, to, negated > 0, features, count);
		}
		return Arrays.copyOf(features, count);
	}

	/**
	 * The features of a run of words for a model that reads context: those of
	 * {@link #of}, then each word class paired with the stem of every word up to the span
	 * on either side.
	 * @param features the run's features, as {@link #of} gives them
	 * @param stems the stems of the words
	 * @param classes the classes of the words
	 * @param from the first word
	 * @param to the index after the last word
	 * @param span how many words on either side
	 * @return the features with the context pairs after them
	 */
	static int[] withContext(int[] features, String[] stems, int[][] classes, int from, int to, int span) {
		int pairs = 0;
		for (int i = from; i < to; i++) {
			pairs += classes[i].length * 2 * span;
		}
		int[] all = Arrays.copyOf(features, features.length + pairs);
		int count = features.length;
		for (int i = from; i < to; i++) {
			for (int c : classes[i]) {
				for (int j = Math.max(from, i - span); j < Math.min(to, i + span + 1); j++) {
					if (j != i) {
						all[count++] = index(mix(('x' * 16777619 + c) * 31 + hash(stems[j], 'x')));
					}
				}
			}
		}
		return Arrays.copyOf(all, count);
	}

	/**
	 * The marks of tone that folding drops: each emoji and other symbol, and whether the
	 * message exclaims or asks ("😂", "!!", "?"), for every window of the message.
	 * @param original the message as typed
	 * @return the feature indexes, each once
	 */
	static int[] symbols(String original) {
		int[] features = new int[8];
		int count = 0;
		for (int i = 0; i < original.length() && count < features.length;) {
			int cp = original.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			boolean symbol = type == Character.OTHER_SYMBOL || cp == '!' || cp == '?';
			if (symbol) {
				int feature = index(mix(('e' * 16777619) ^ cp));
				boolean seen = false;
				for (int k = 0; k < count; k++) {
					seen |= features[k] == feature;
				}
				if (!seen) {
					features[count++] = feature;
				}
			}
		}
		return Arrays.copyOf(features, count);
	}

	/**
	 * The word's classes ({@link RiskConcepts}), negated as its stem is, and each pair of
	 * them with the classes of the next {@link #CLASS_SPAN} words, in order: "giving" ...
	 * "guitar" and "regalé" ... "herramientas" both give {@code give}-{@code belongings}.
	 */
	private static int classes(int[][] classes, int i, int to, boolean negated, int[] features, int count) {
		for (int c : classes[i]) {
			features[count++] = index(mix(('k' + (negated ? 1 : 0)) * 16777619 + c));
			for (int j = i + 1; j < Math.min(to, i + 1 + CLASS_SPAN); j++) {
				for (int d : classes[j]) {
					features[count++] = index(mix(('p' * 16777619 + c) * 31 + d));
				}
			}
		}
		return count;
	}

	/** Character 3- to 5-grams of the word between a start and an end mark. */
	private static int grams(String word, int[] features, int count) {
		int length = word.length() + 2;
		for (int n = 3; n <= 5; n++) {
			for (int start = 0; start + n <= length; start++) {
				int h = 'c' * 16777619 + n;
				for (int k = start; k < start + n; k++) {
					char c = (k == 0) ? '^' : (k == length - 1) ? '$' : word.charAt(k - 1);
					h = (h ^ c) * 16777619;
				}
				features[count++] = index(mix(h));
			}
		}
		return count;
	}

	private static int hash(String text, char space) {
		int h = space * 16777619;
		for (int i = 0; i < text.length(); i++) {
			h = (h ^ text.charAt(i)) * 16777619;
		}
		return mix(h);
	}

	private static int mix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private static int index(int h) {
		return h & (SIZE - 1);
	}

}
