package org.kinship.moderation.internal;

import org.jspecify.annotations.Nullable;

/**
 * A message folded for word matching, with the way back to the original characters.
 *
 * @param text the folded words: lower case, accents and zero-width characters gone,
 * look-alike letters and digit swaps mapped, every run of punctuation and spaces one
 * space
 * @param alternative the same with {@code 1} read as {@code l} instead of {@code i}, or
 * {@code null} when the message has no such digit inside a word
 * @param start for each folded character, the index of the original character it came
 * from
 * @param end for each folded character, the index just after that original character
 */
record NormalizedText(String text, @Nullable String alternative, int[] start, int[] end) {

	/**
	 * The original characters behind folded characters.
	 * @param from the first folded character
	 * @param to the index after the last folded character
	 * @return the original range, as {@code {start, end}}
	 */
	int[] original(int from, int to) {
		return new int[] { this.start[from], this.end[to - 1] };
	}

}
