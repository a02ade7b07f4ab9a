package org.kinship.moderation.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.moderation.internal.ScreeningMeasure.Figures;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ScreeningMeasureTests {

	private static final String CORPUS = """
			label	lang	text
			crisis	en	I want to kill myself
			crisis	es	quiero matarme
			distress	en	I ran out of my insulin yesterday
			phone	en	call me at 555-123-4567
			none	en	this workout is killing me
			none	es	buenos días a todos
			""";

	@Test
	void scoresEachLabelAndLanguageAsTheContractSays() throws IOException {
		List<Sentence> sentences = ScreeningMeasure.read(new StringReader(CORPUS));
		ScreeningEngine engine = new ScreeningEngine();
		List<Set<String>> caught = new ArrayList<>();
		sentences.forEach((sentence) -> caught.add(ScreeningMeasure.caught(ScreeningMeasure.screen(engine, sentence))));
		Figures figures = ScreeningMeasure.figures(sentences, caught);
		assertThat(caught).containsExactly(Set.of("crisis"), Set.of("crisis"), Set.of("distress"), Set.of("phone"),
				Set.of(), Set.of());
		assertThat(figures.recall("crisis", "en")).isEqualTo(1.0);
		assertThat(figures.recall("crisis", "es")).isEqualTo(1.0);
		assertThat(figures.precision("crisis", "all")).isEqualTo(1.0);
		assertThat(figures.personalDataRecall()).isEqualTo(1.0);
		assertThat(figures.noneFalseAlarmRate()).isZero();
		assertThat(figures.json(12.34)).isEqualTo("{\"crisis_recall_en\":1.0000,\"crisis_recall_es\":1.0000,"
				+ "\"crisis_precision\":1.0000,\"distress_recall\":1.0000,\"pii_recall\":1.0000,"
				+ "\"none_false_alarm_rate\":0.0000,\"p99_us\":12.3}");
	}

	@Test
	void countsAMissAndAFalseAlarm() throws IOException {
		List<Sentence> sentences = ScreeningMeasure.read(new StringReader(CORPUS));
		List<Set<String>> caught = List.of(Set.of("crisis"), Set.of(), Set.of("distress"), Set.of("phone"),
				Set.of("crisis"), Set.of());
		Figures figures = ScreeningMeasure.figures(sentences, caught);
		assertThat(figures.recall("crisis", "es")).isZero();
		assertThat(figures.precision("crisis", "all")).isEqualTo(0.5);
		assertThat(figures.noneFalseAlarmRate()).isEqualTo(0.5);
		assertThat(figures.noneFalseAlarmRate("crisis")).isEqualTo(0.5);
		assertThat(figures.misses()).hasSize(2);
	}

	@Test
	void refusesAFileWithoutTheHeader() {
		assertThatIOException()
			.isThrownBy(() -> ScreeningMeasure.read(new StringReader("crisis\ten\tI want to die\n")));
	}

}
