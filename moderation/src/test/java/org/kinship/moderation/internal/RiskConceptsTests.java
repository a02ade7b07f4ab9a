package org.kinship.moderation.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskConceptsTests {

	@Test
	void inflectionsAndBothLanguagesFallInOneClass() {
		assertThat(classes("giving")).contains("give");
		assertThat(classes("gave")).contains("give");
		assertThat(classes("regale")).contains("give");
		assertThat(classes("regalando")).contains("give");
		assertThat(classes("burden")).contains("burden");
		assertThat(classes("estorbo")).contains("burden");
		assertThat(classes("pastillas")).contains("pills");
	}

	@Test
	void everyMedicineIsInThePillsClass() {
		assertThat(classes("lasix")).containsExactly("pills");
	}

	@Test
	void everydayWordsAreInNoClass() {
		assertThat(classes("the")).isEmpty();
		assertThat(classes("will")).isEmpty();
		assertThat(classes("quiero")).isEmpty();
	}

	@Test
	void aWarningSignInEitherLanguageSharesAFeatureThatEverydayGivingDoesNot() {
		Set<Integer> english = features("been giving my guitar to my nephew");
		Set<Integer> spanish = features("le regale mis herramientas a mi sobrino");
		Set<Integer> everyday = features("been giving my time to my nephew");
		Set<Integer> shared = english.stream().filter(spanish::contains).collect(Collectors.toSet());
		shared.removeAll(everyday);
		assertThat(shared).isNotEmpty();
	}

	private static Set<String> classes(String word) {
		String[] words = { word };
		String[] stems = RiskFeatures.stems(words, RiskFeatures.language(words), Set.of());
		return Arrays.stream(RiskConcepts.of(words, stems)[0]).mapToObj(RiskConcepts::name).collect(Collectors.toSet());
	}

	private static Set<Integer> features(String folded) {
		String[] words = folded.split(" ");
		String[] stems = RiskFeatures.stems(words, RiskFeatures.language(words), Set.of());
		return Arrays.stream(RiskFeatures.of(words, stems, RiskConcepts.of(words, stems), 0, words.length, new int[0]))
			.boxed()
			.collect(Collectors.toSet());
	}

}
