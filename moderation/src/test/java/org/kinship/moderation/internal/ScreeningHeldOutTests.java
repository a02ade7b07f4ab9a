package org.kinship.moderation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.internal.ScreeningMeasure.Figures;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screening on the held-out corpus ({@code screening/corpus/heldout.tsv}): sentences kept
 * out of every training and tuning step, scored as
 * {@code deploy/bench/screening --corpus} scores them. Skipped where the file is not on
 * the test classpath. The minimums are the targets of the issue that asked for the
 * learned path, to be set to what the held-out part gives.
 */
class ScreeningHeldOutTests {

	private static final String HELD_OUT = "/screening/corpus/heldout.tsv";

	private static Figures figures;

	@BeforeAll
	static void screenHeldOut() throws IOException {
		InputStream in = ScreeningHeldOutTests.class.getResourceAsStream(HELD_OUT);
		Assumptions.assumeTrue(in != null, "no held-out corpus on the test classpath");
		List<Sentence> sentences;
		try (in) {
			sentences = ScreeningMeasure.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		ScreeningEngine engine = new ScreeningEngine();
		List<Set<String>> caught = new ArrayList<>();
		for (Sentence sentence : sentences) {
			caught.add(ScreeningMeasure.caught(ScreeningMeasure.screen(engine, sentence)));
		}
		figures = ScreeningMeasure.figures(sentences, caught);
		System.out.println("Held-out corpus: " + sentences.size() + " sentences");
		figures.table().forEach(System.out::println);
		System.out.println(figures.json(0));
	}

	@Test
	void catchesCrisisInEachLanguage() {
		assertThat(figures.recall("crisis", "en")).isGreaterThanOrEqualTo(0.95);
		assertThat(figures.recall("crisis", "es")).isGreaterThanOrEqualTo(0.95);
		assertThat(figures.precision("crisis", "all")).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void catchesTroubleManagingCare() {
		assertThat(figures.recall("distress", "all")).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void catchesPersonalData() {
		assertThat(figures.personalDataRecall()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void nearMissesRarelyRaiseAnything() {
		assertThat(figures.noneFalseAlarmRate()).isLessThanOrEqualTo(0.02);
	}

}
