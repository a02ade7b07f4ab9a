package org.kinship.chat.internal;

import java.util.regex.Pattern;

/**
 * The start of a message as plain text, for a reply's quote and a search result: the
 * Markdown's marks taken out, a link shown by its words, white space folded, cut at a
 * word near {@value #LENGTH} characters.
 */
public final class Excerpts {

	/** The longest excerpt, in characters, the ellipsis included. */
	public static final int LENGTH = 140;

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

	private static final Pattern MARKS = Pattern.compile("[*_`#>~]+|^\\s*[-+]\\s+|^\\s*\\d+\\.\\s+", Pattern.MULTILINE);

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private Excerpts() {
	}

	/**
	 * The excerpt of a message's text.
	 * @param markdown the text as typed
	 * @return plain text, at most {@value #LENGTH} characters
	 */
	public static String of(String markdown) {
		return cut(plain(markdown));
	}

	/**
	 * The excerpt of a message's text around the first of some words found in it.
	 * @param markdown the text as typed
	 * @param words words in lower case
	 * @return plain text, at most {@value #LENGTH} characters, with an ellipsis before it
	 * when it does not start the message
	 */
	public static String around(String markdown, java.util.List<String> words) {
		String plain = plain(markdown);
		String folded = plain.toLowerCase(java.util.Locale.ROOT);
		int at = words.stream().mapToInt(folded::indexOf).filter((index) -> index >= 0).min().orElse(0);
		if (at < LENGTH / 3) {
			return cut(plain);
		}
		int start = plain.lastIndexOf(' ', at - LENGTH / 3);
		return "…" + cut(plain.substring((start < 0) ? 0 : start + 1));
	}

	private static String plain(String markdown) {
		return SPACE.matcher(MARKS.matcher(LINK.matcher(markdown).replaceAll("$1")).replaceAll(" "))
			.replaceAll(" ")
			.strip();
	}

	private static String cut(String plain) {
		if (plain.length() <= LENGTH) {
			return plain;
		}
		int cut = plain.lastIndexOf(' ', LENGTH - 1);
		return plain.substring(0, (cut > LENGTH / 2) ? cut : LENGTH - 1) + "…";
	}

}
