package org.kinship.moderation.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds text so that tricks do not hide words: case, accents (NFKD without marks),
 * full-width and other compatibility forms, zero-width characters and joiners, Cyrillic
 * and Greek letters that look like Latin ones, and digits or symbols typed for letters
 * ({@code k1ll}, {@code a$$}). Digits and symbols are read as letters only inside a word
 * that has at least one letter, so that {@code 455 mg} stays a number.
 *
 * <p>
 * Personal data is looked for in a second form that keeps digits, punctuation and spacing
 * ({@link #forPersonalData(String)}).
 */
final class TextNormalizer {

	private static final Map<Integer, String> FOLDED = new ConcurrentHashMap<>();

	private static final String[] ASCII = new String[0x80];

	static {
		for (char c = 0; c < ASCII.length; c++) {
			ASCII[c] = String.valueOf(Character.toLowerCase(c));
		}
	}

	private static final String CONFUSABLE_FROM = "авсеһіјкмнорѕтухԁɡαβεηικνορτυχωı";

	private static final String CONFUSABLE_TO = "abcehijkmhopstyxdgabenikvoptuxwi";

	private TextNormalizer() {
	}

	/**
	 * Folds a message for word matching.
	 * @param original the message as typed
	 * @return the folded words with their original positions
	 */
	static NormalizedText forWords(String original) {
		StringBuilder out = new StringBuilder(original.length());
		int[] start = new int[original.length() * 2 + 4];
		int[] end = new int[start.length];
		for (int i = 0; i < original.length();) {
			int cp = original.codePointAt(i);
			int next = i + Character.charCount(cp);
			String folded = fold(cp);
			for (int k = 0; k < folded.length(); k++) {
				char c = folded.charAt(k);
				if (isApostrophe(c)) {
					continue;
				}
				boolean word = Character.isLetterOrDigit(c) || c == '@' || c == '$';
				if (!word && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
					continue;
				}
				if (out.length() == start.length) {
					start = Arrays.copyOf(start, start.length * 2);
					end = Arrays.copyOf(end, end.length * 2);
				}
				start[out.length()] = i;
				end[out.length()] = next;
				out.append(word ? c : ' ');
			}
			i = next;
		}
		return swapDigits(out, start, end);
	}

	/**
	 * Folds a term the way messages are folded.
	 * @param term a watched word or phrase
	 * @return its folded form without spaces at either end, empty when nothing is left
	 */
	static String forTerm(String term) {
		return forWords(term).text().strip();
	}

	/**
	 * Folds a message for the personal-data patterns: zero-width characters gone, case,
	 * accents, full-width and look-alike forms folded, every kind of dash a {@code -};
	 * digits, punctuation and spaces kept as typed.
	 * @param original the message as typed
	 * @return the folded text
	 */
	static String forPersonalData(String original) {
		StringBuilder out = new StringBuilder(original.length());
		for (int i = 0; i < original.length();) {
			int cp = original.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.getType(cp) == Character.DASH_PUNCTUATION) {
				out.append('-');
			}
			else {
				out.append(fold(cp));
			}
		}
		return out.toString();
	}

	private static NormalizedText swapDigits(StringBuilder out, int[] start, int[] end) {
		char[] main = new char[out.length()];
		out.getChars(0, out.length(), main, 0);
		char[] alternative = null;
		int from = 0;
		while (from < main.length) {
			int to = from;
			boolean letter = false;
			while (to < main.length && main[to] != ' ') {
				letter |= Character.isLetter(main[to]);
				to++;
			}
			for (int k = from; letter && k < to; k++) {
				if (main[k] == '1') {
					alternative = (alternative != null) ? alternative : main.clone();
					alternative[k] = 'l';
				}
				main[k] = swapped(main[k]);
			}
			from = to + 1;
		}
		if (alternative != null) {
			for (int k = 0; k < alternative.length; k++) {
				alternative[k] = swapped(alternative[k]);
			}
		}
		return new NormalizedText(new String(main), (alternative != null) ? new String(alternative) : null, start, end);
	}

	private static char swapped(char c) {
		return switch (c) {
			case '0' -> 'o';
			case '1' -> 'i';
			case '3' -> 'e';
			case '4', '@' -> 'a';
			case '5', '$' -> 's';
			case '7' -> 't';
			default -> c;
		};
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`' || c == '\u00b4';
	}

	/**
	 * One code point folded: nothing for format characters (zero-width spaces and
	 * joiners, soft hyphens, byte-order marks) and combining marks, otherwise its
	 * compatibility decomposition in lower case with look-alikes mapped to Latin letters.
	 */
	static String fold(int cp) {
		if (cp < 0x80) {
			return ASCII[cp];
		}
		// the basic plane at most, so that the cache stays a few megabytes however many
		// different characters members send
		return (cp < 0x10000) ? FOLDED.computeIfAbsent(cp, TextNormalizer::foldSlowly) : foldSlowly(cp);
	}

	private static String foldSlowly(int cp) {
		int type = Character.getType(cp);
		if (type == Character.FORMAT || isMark(type) || cp == 0x034F) {
			return "";
		}
		String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
		StringBuilder out = new StringBuilder(decomposed.length());
		decomposed.codePoints().filter((c) -> !isMark(Character.getType(c))).forEach((c) -> {
			int lower = Character.toLowerCase(c);
			int confusable = (lower < 0x10000) ? CONFUSABLE_FROM.indexOf(lower) : -1;
			out.appendCodePoint((confusable >= 0) ? CONFUSABLE_TO.charAt(confusable) : lower);
		});
		return out.toString();
	}

	private static boolean isMark(int type) {
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}
