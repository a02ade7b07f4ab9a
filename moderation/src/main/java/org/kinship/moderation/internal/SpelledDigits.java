package org.kinship.moderation.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Numbers written out as words, in English and Spanish, or typed one digit at a time:
 * "five five five, three one two, four four eight nine", "seis uno dos, tres cuatro
 * cinco", "555 two one eight, 4 4 0 9", "2 3 4 5 6 7 8 9 0". A run of at least seven
 * digits, two of them words (or four of them lone digits apart), is rewritten as digits,
 * so that the other patterns read it as they read a number typed as one; "one or two" and
 * "10 20 30" are left as they are.
 */
final class SpelledDigits {

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
			Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
			Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
			Map.entry("nine", "9"), Map.entry("cero", "0"), Map.entry("uno", "1"), Map.entry("dos", "2"),
			Map.entry("tres", "3"), Map.entry("cuatro", "4"), Map.entry("cinco", "5"), Map.entry("seis", "6"),
			Map.entry("siete", "7"), Map.entry("ocho", "8"), Map.entry("nueve", "9"));

	private static final String[] LIKELY_WORDS = { "zero", "one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine", "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve" };

	private static final Pattern LONE_DIGITS = Pattern.compile("\\b\\d[ ,.-]{1,2}\\d[ ,.-]{1,2}\\d[ ,.-]{1,2}\\d\\b");

	private static final Pattern TOKEN = Pattern.compile("[a-z]{1,12}+|\\d{1,12}+");

	private SpelledDigits() {
	}

	/**
	 * The message with its spelled-out numbers written as digits.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return the rewritten message, or {@code null} when it has no spelled-out number
	 */
	static @Nullable String asDigits(String folded) {
		if (!PersonalDataDetector.containsAny(folded, LIKELY_WORDS) && !LONE_DIGITS.matcher(folded).find()) {
			return null;
		}
		StringBuilder out = new StringBuilder(folded.length());
		Run run = new Run();
		int copied = 0;
		Matcher token = TOKEN.matcher(folded);
		while (token.find()) {
			String value = value(token.group());
			if (!run.isEmpty() && (value == null || !separator(folded, run.end, token.start()))) {
				copied = run.writeTo(out, folded, copied);
				run = new Run();
			}
			if (value != null) {
				run.add(value, Character.isLetter(token.group().charAt(0)), token.start(), token.end(),
						run.isEmpty() ? "" : folded.substring(run.end, token.start()));
			}
		}
		copied = run.writeTo(out, folded, copied);
		return (copied == 0) ? null : out.append(folded, copied, folded.length()).toString();
	}

	private static @Nullable String value(String token) {
		if (Character.isDigit(token.charAt(0))) {
			return (token.length() <= 5) ? token : null;
		}
		return WORDS.get(token);
	}

	/** Whether what lies between two tokens keeps them in one number: a comma, a dash. */
	private static boolean separator(String folded, int from, int to) {
		if (to - from < 1 || to - from > 3) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = folded.charAt(i);
			if (c != ' ' && c != ',' && c != '.' && c != '-') {
				return false;
			}
		}
		return true;
	}

	/** The digits of one run of tokens, grouped as the member grouped them. */
	private static final class Run {

		private final StringBuilder digits = new StringBuilder();

		private int words;

		private int loneDigits;

		private int count;

		private int start = -1;

		private int end;

		private boolean multiDigitLast;

		private boolean punctuated;

		boolean isEmpty() {
			return this.start < 0;
		}

		void add(String value, boolean word, int from, int to, String before) {
			boolean multiDigit = value.length() > 1;
			if (this.start < 0) {
				this.start = from;
			}
			else if (multiDigit || this.multiDigitLast || !before.isBlank()) {
				this.digits.append(' ');
			}
			this.punctuated |= before.indexOf(',') >= 0 || before.indexOf('.') >= 0;
			this.digits.append(value);
			this.end = to;
			this.multiDigitLast = multiDigit;
			this.count += value.length();
			if (word) {
				this.words++;
			}
			else if (!multiDigit) {
				this.loneDigits++;
			}
		}

		/** Writes the text before the run and the run, as digits when it is a number. */
		int writeTo(StringBuilder out, String folded, int copied) {
			// lone digits count only spaced out, not as a list of readings (7.2, 6.8,
			// 7.1)
			if (isEmpty() || this.count < 7 || this.words < 2 && (this.loneDigits < 4 || this.punctuated)) {
				return copied;
			}
			out.append(folded, copied, this.start);
			String number = this.digits.toString();
			// seven digits in one group read as a local number, 555-1234
			out.append((number.length() == 7) ? number.substring(0, 3) + "-" + number.substring(3) : number);
			return this.end;
		}

	}

}
