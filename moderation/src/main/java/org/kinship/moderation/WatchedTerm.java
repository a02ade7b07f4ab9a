package org.kinship.moderation;

/**
 * A watched word or phrase, as a community manager or facilitator typed it. Matching
 * ignores case, accents, look-alike letters from other scripts, full-width forms,
 * zero-width characters and common digit-for-letter swaps, and only ever matches whole
 * words.
 *
 * @param term the word or phrase
 * @param action what it does to a message
 */
public record WatchedTerm(String term, WatchAction action) {

	/** The longest term accepted, in characters. */
	public static final int MAX_LENGTH = 100;

}
