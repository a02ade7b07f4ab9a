package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahocorasick.trie.PayloadTrie;
import org.jspecify.annotations.Nullable;
import org.kinship.moderation.InvalidTerms;
import org.kinship.moderation.WatchedTerm;

/**
 * Watched words compiled into one Aho-Corasick automaton over their folded forms, so that
 * a message is matched against thousands of terms in one pass, in time linear in the
 * message and the number of matches. Matches are whole words and whole phrases only
 * ({@code ass} does not match {@code class}). Immutable and safe to share between
 * threads; compile once when the list changes, not per message.
 */
public final class TermList {

	/** The most terms one list may hold. */
	public static final int MAX_TERMS = 10_000;

	private static final TermList EMPTY = new TermList(null, 0);

	private final @Nullable PayloadTrie<List<WatchedTerm>> trie;

	private final int size;

	private TermList(@Nullable PayloadTrie<List<WatchedTerm>> trie, int size) {
		this.trie = trie;
		this.size = size;
	}

	/**
	 * A list without terms.
	 * @return the empty list
	 */
	public static TermList empty() {
		return EMPTY;
	}

	/**
	 * Compiles terms.
	 * @param terms the terms, at most {@link #MAX_TERMS}, each with at least one letter
	 * or digit and at most {@link WatchedTerm#MAX_LENGTH} characters
	 * @return the compiled list
	 * @throws InvalidTerms with the first problem found, for the page to show
	 */
	public static TermList compile(Collection<WatchedTerm> terms) {
		if (terms.size() > MAX_TERMS) {
			throw new InvalidTerms(InvalidTerms.TOO_MANY,
					List.of(String.valueOf(terms.size()), String.valueOf(MAX_TERMS)));
		}
		Map<String, List<WatchedTerm>> byKeyword = new LinkedHashMap<>();
		int position = 0;
		for (WatchedTerm term : terms) {
			position++;
			byKeyword.computeIfAbsent(keyword(term.term(), position), (k) -> new ArrayList<>()).add(term);
		}
		if (byKeyword.isEmpty()) {
			return EMPTY;
		}
		PayloadTrie.PayloadTrieBuilder<List<WatchedTerm>> builder = PayloadTrie.builder();
		builder.onlyWholeWords();
		byKeyword.forEach((keyword, same) -> builder.addKeyword(keyword, List.copyOf(same)));
		return new TermList(builder.build(), terms.size());
	}

	/**
	 * Checks one term and folds it.
	 * @param term the term as typed
	 * @param position its place in the list, from 1, for the error
	 * @return the folded form the automaton holds
	 * @throws InvalidTerms when it is empty, too long or has nothing to match
	 */
	static String keyword(String term, int position) {
		if (term.isBlank()) {
			throw new InvalidTerms(InvalidTerms.EMPTY, List.of(String.valueOf(position)));
		}
		if (term.length() > WatchedTerm.MAX_LENGTH) {
			throw new InvalidTerms(InvalidTerms.TOO_LONG,
					List.of(term.substring(0, 20) + "…", String.valueOf(WatchedTerm.MAX_LENGTH)));
		}
		String keyword = TextNormalizer.forTerm(term);
		if (keyword.isEmpty()) {
			throw new InvalidTerms(InvalidTerms.NOTHING_LEFT, List.of(term.strip()));
		}
		return keyword;
	}

	/**
	 * How many terms were compiled.
	 * @return the number of terms given to {@link #compile(Collection)}
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The terms in a message, each with where it was found; a term found in both forms of
	 * the message ({@code 1} as {@code i} and as {@code l}) is reported once per place.
	 * @param text the folded message
	 * @return the matches, in no particular order
	 */
	List<Hit> find(NormalizedText text) {
		PayloadTrie<List<WatchedTerm>> automaton = this.trie;
		if (automaton == null) {
			return List.of();
		}
		List<Hit> hits = new ArrayList<>();
		collect(automaton, text.text(), hits);
		String alternative = text.alternative();
		if (alternative != null) {
			List<Hit> more = new ArrayList<>();
			collect(automaton, alternative, more);
			Set<Hit> seen = new HashSet<>(hits);
			more.stream().filter(seen::add).forEach(hits::add);
		}
		return hits;
	}

	private static void collect(PayloadTrie<List<WatchedTerm>> automaton, String text, List<Hit> hits) {
		automaton.parseText(text, (emit) -> {
			for (WatchedTerm term : emit.getPayload()) {
				hits.add(new Hit(term, emit.getStart(), emit.getEnd() + 1));
			}
			return true;
		});
	}

	/**
	 * A watched term found in a message.
	 *
	 * @param term the term
	 * @param from the first folded character
	 * @param to the index after the last folded character
	 */
	record Hit(WatchedTerm term, int from, int to) {
	}

}
