package org.kinship.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kinship.moderation.internal.ScreeningEngine;
import org.kinship.moderation.internal.ScreeningMeasure;
import org.kinship.moderation.internal.ScreeningMeasure.Figures;
import org.kinship.moderation.internal.ScreeningMeasure.Sentence;

/**
 * {@code deploy/bench/screening --corpus FILE.tsv}: screens each sentence of a labelled
 * {@code label	lang	text} file as an established member's message with the default
 * settings ({@link ScreeningMeasure} says what counts as caught), prints precision and
 * recall by label and language and the false alarms on {@code none}, and last one line of
 * JSON with the contract's figures. The time of each screening is taken after a warm-up,
 * in one thread, every detector on; {@code p99_us} is its 99th percentile on the clock
 * over {@value #PASSES} timed passes through the corpus, and the line before the JSON
 * also gives it in the thread's processor time, which leaves out what other work on a
 * shared machine took.
 */
final class ScreeningCorpusRun {

	private static final int PASSES = 5;

	private static final int WARM_UP_SCREENINGS = 30_000;

	private ScreeningCorpusRun() {
	}

	static void run(Path corpus, boolean misses) throws IOException {
		List<Sentence> sentences;
		try (Reader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			sentences = ScreeningMeasure.read(in);
		}
		if (sentences.isEmpty()) {
			throw new IllegalArgumentException(corpus + " has no sentences");
		}
		ScreeningEngine engine = new ScreeningEngine();
		long sink = 0;
		for (int i = 0; i < WARM_UP_SCREENINGS; i++) {
			sink += ScreeningMeasure.screen(engine, sentences.get(i % sentences.size())).findings().size();
		}
		List<Set<String>> caught = new ArrayList<>();
		long[] nanos = new long[sentences.size() * PASSES];
		long[] cpuNanos = new long[nanos.length];
		java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int pass = 0; pass < PASSES; pass++) {
			for (int i = 0; i < sentences.size(); i++) {
				long cpuStart = cpu.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				var verdict = ScreeningMeasure.screen(engine, sentences.get(i));
				nanos[pass * sentences.size() + i] = System.nanoTime() - start;
				cpuNanos[pass * sentences.size() + i] = cpu.getCurrentThreadCpuTime() - cpuStart;
				if (pass == 0) {
					caught.add(ScreeningMeasure.caught(verdict));
				}
			}
		}
		Figures figures = ScreeningMeasure.figures(sentences, caught);
		System.out.println("corpus: " + corpus + ", " + sentences.size() + " sentences (warm-up " + (sink % 10) + ")");
		figures.table().forEach(System.out::println);
		if (misses) {
			figures.misses().forEach((miss) -> System.out.println("  " + miss));
		}
		System.out.printf(java.util.Locale.ROOT,
				"screen per sentence: p99 %.1f us on the clock, %.1f us of processor time (without the time other "
						+ "work on the machine took)%n",
				ScreeningMeasure.p99Micros(nanos), ScreeningMeasure.p99Micros(cpuNanos));
		System.out.println(figures.json(ScreeningMeasure.p99Micros(nanos)));
	}

}
