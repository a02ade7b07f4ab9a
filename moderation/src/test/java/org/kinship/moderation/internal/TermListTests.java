package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.kinship.moderation.InvalidTerms;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.WatchedTerm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TermListTests {

	@Test
	void findsTermWrittenWithCyrillicAndGreekLookAlikes() {
		assertThat(found("idiot", "what an \u0456d\u0456\u043e\u0442")).containsExactly("idiot");
		assertThat(found("scam", "total \u0455\u0441\u03b1m")).containsExactly("scam");
	}

	@Test
	void findsTermWithZeroWidthCharactersAndJoinersInside() {
		assertThat(found("idiot", "i\u200bd\u200ci\u200do\u2060t\ufeff")).containsExactly("idiot");
	}

	@Test
	void findsFullWidthAndAccentedTerms() {
		assertThat(found("idiot", "\uff29\uff24\uff29\uff2f\uff34")).containsExactly("idiot");
		assertThat(found("miracle cure", "a m\u00edracle cu\u0301re")).containsExactly("miracle cure");
	}

	@Test
	void findsTermsWithDigitsAndSymbolsForLetters() {
		assertThat(found("kill", "k1ll")).containsExactly("kill");
		assertThat(found("kill", "ki11")).containsExactly("kill");
		assertThat(found("idiot", "1d10t")).containsExactly("idiot");
		assertThat(found("ass", "a$$")).containsExactly("ass");
		assertThat(found("damn", "d@mn")).containsExactly("damn");
		assertThat(found("test", "7e5t")).containsExactly("test");
	}

	@Test
	void leavesNumbersWithoutLettersAsNumbers() {
		assertThat(found("ass", "my glucose was 455 today")).isEmpty();
		assertThat(found("soo", "I take 500 mg")).isEmpty();
		assertThat(found("500", "I take 500 mg")).containsExactly("500");
	}

	@Test
	void matchesWholeWordsOnly() {
		assertThat(found("ass", "my exercise class, assess, bass, grass, massage")).isEmpty();
		assertThat(found("ass", "what an ass.")).containsExactly("ass");
		assertThat(found("ass", "ass")).containsExactly("ass");
	}

	@Test
	void matchesPhrasesAcrossSpacesPunctuationAndLineBreaks() {
		assertThat(found("miracle cure", "MIRACLE   cure")).containsExactly("miracle cure");
		assertThat(found("miracle cure", "miracle-cure")).containsExactly("miracle cure");
		assertThat(found("miracle cure", "a miracle,\ncure")).containsExactly("miracle cure");
		assertThat(found("miracle cure", "a miracle that might cure")).isEmpty();
	}

	@Test
	void matchesApostrophesWhetherTypedOrNot() {
		assertThat(found("don't", "dont")).containsExactly("don't");
		assertThat(found("dont", "don\u2019t")).containsExactly("dont");
	}

	@Test
	void refusesEmptyTermWithItsPosition() {
		assertThatExceptionOfType(InvalidTerms.class).isThrownBy(() -> compile("fine", "  ")).satisfies((ex) -> {
			assertThat(ex.key()).isEqualTo("moderation.terms.empty");
			assertThat(ex.args()).containsExactly("2");
		});
	}

	@Test
	void refusesTermOverOneHundredCharacters() {
		assertThat(compile("x".repeat(100)).size()).isEqualTo(1);
		assertThatExceptionOfType(InvalidTerms.class).isThrownBy(() -> compile("x".repeat(101))).satisfies((ex) -> {
			assertThat(ex.key()).isEqualTo("moderation.terms.too-long");
			assertThat(ex.args()).containsExactly("x".repeat(20) + "…", "100");
		});
	}

	@Test
	void refusesMoreThanTenThousandTerms() {
		List<String> terms = words(10_001);
		assertThatExceptionOfType(InvalidTerms.class).isThrownBy(() -> compile(terms.toArray(String[]::new)))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("moderation.terms.too-many");
				assertThat(ex.args()).containsExactly("10001", "10000");
			});
	}

	@Test
	void refusesTermWithNothingLeftToMatch() {
		assertThatExceptionOfType(InvalidTerms.class).isThrownBy(() -> compile("!!!", "\u200b\u200b"))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("moderation.terms.nothing-left");
				assertThat(ex.args()).containsExactly("!!!");
			});
	}

	@Test
	void compilesTenThousandTermsAndFindsExactlyThoseInTheMessage() {
		List<String> words = words(10_000);
		TermList list = compile(words.toArray(String[]::new));
		List<String> picked = List.of(words.get(0), words.get(4_321), words.get(9_999));
		String message = "one " + picked.get(0) + " two " + picked.get(1) + "x three " + picked.get(2) + ".";
		assertThat(list.size()).isEqualTo(10_000);
		assertThat(terms(list.find(TextNormalizer.forWords(message)))).containsExactlyInAnyOrder(picked.get(0),
				picked.get(2));
	}

	@Test
	void pathologicalInputCompletesWithTheMatchesItHolds() {
		String[] runs = IntStream.rangeClosed(1, 100).mapToObj("a"::repeat).toArray(String[]::new);
		TermList list = compile(runs);
		assertThat(list.find(TextNormalizer.forWords("a".repeat(4_000)))).isEmpty();
		String spaced = String.join(" ", Collections.nCopies(80, "a".repeat(50)));
		List<TermList.Hit> hits = list.find(TextNormalizer.forWords(spaced));
		assertThat(hits).hasSize(80).allMatch((hit) -> hit.term().term().length() == 50);
		assertThat(list.find(TextNormalizer.forWords("a ".repeat(2_000)))).hasSize(2_000);
	}

	@Test
	void reportsEveryTermThatFoldsToTheSameWords() {
		TermList list = TermList
			.compile(List.of(new WatchedTerm("Idiot", WatchAction.FLAG), new WatchedTerm("idiot!", WatchAction.BLOCK)));
		assertThat(list.find(TextNormalizer.forWords("idiot"))).extracting((hit) -> hit.term().action())
			.containsExactlyInAnyOrder(WatchAction.FLAG, WatchAction.BLOCK);
	}

	private static List<String> found(String term, String message) {
		return terms(compile(term).find(TextNormalizer.forWords(message)));
	}

	private static List<String> terms(List<TermList.Hit> hits) {
		return hits.stream().map((hit) -> hit.term().term()).toList();
	}

	private static TermList compile(String... terms) {
		List<WatchedTerm> list = new ArrayList<>();
		for (String term : terms) {
			list.add(new WatchedTerm(term, WatchAction.FLAG));
		}
		return TermList.compile(list);
	}

	/** Distinct made-up words of letters only: "bab", "bac", ... */
	static List<String> words(int count) {
		List<String> words = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder word = new StringBuilder("b");
			for (int n = i; n > 0 || word.length() < 3; n /= 26) {
				word.append((char) ('a' + n % 26));
			}
			words.add(word.toString());
		}
		return words;
	}

}
