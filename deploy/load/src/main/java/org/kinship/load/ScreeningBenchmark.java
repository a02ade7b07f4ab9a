package org.kinship.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.kinship.moderation.Outcome;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.WatchedTerm;
import org.kinship.moderation.internal.ScreeningEngine;
import org.kinship.moderation.internal.TermList;

/**
 * The screening benchmark behind {@code deploy/bench/screening}: a generated list of
 * watched words and phrases (three quarters community-wide, a quarter the group's) and
 * generated messages of 10 to 600 characters, some with personal data, crisis or
 * care-distress phrases, watched words and Unicode tricks, all from a fixed seed. After a
 * warm-up pass every message is screened once with every detector on and timed alone, on
 * the clock and in the thread's processor time (which leaves out the time other work on a
 * shared machine took). Prints p50, p99 and max in microseconds, throughput and the
 * outcomes, and last one line of JSON with the clock's figures.
 */
final class ScreeningBenchmark {

	private static final long SEED = 20261201L;

	private static final String[] WORDS = ("the a and to of I my it is was for on in with that this have had "
			+ "today morning night week doctor nurse clinic appointment insulin sugar numbers pump sensor walk "
			+ "tired better worse pain sleep diet carbs breakfast lunch dinner group thanks everyone hope feel "
			+ "family daughter son husband wife caregiver mom dad meds pills inhaler breathing cough seizure "
			+ "heart pressure weight steps water coffee tea rain sunny work home support session tonight really "
			+ "good bad hard easy again still just so very much little more new old trying started stopped")
		.split(" ");

	private static final String[] PERSONAL = { "call me at 555-123-4567", "my email is pat.lee@example.com",
			"I live at 42 Oak Ave Apt 5", "I was born on 3/4/1961", "my MRN is 1234567", "SSN 123-45-6789" };

	private static final String[] URGENT = { "I want to end my life", "I don't want to be here anymore",
			"I ran out of my insulin", "I can't afford my meds", "missed dialysis again", "I'd kill for a coffee",
			"this workout is killing me", "my phone died" };

	private ScreeningBenchmark() {
	}

	public static void main(String[] args) throws java.io.IOException {
		int terms = 2_000;
		int messages = 100_000;
		String corpus = null;
		boolean misses = false;
		for (int i = 0; i < args.length; i += 2) {
			switch (args[i]) {
				case "--terms" -> terms = Integer.parseInt(args[i + 1]);
				case "--messages" -> messages = Integer.parseInt(args[i + 1]);
				case "--corpus" -> corpus = args[i + 1];
				case "--misses" -> {
					misses = true;
					i--;
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (corpus != null) {
			ScreeningCorpusRun.run(java.nio.file.Path.of(corpus), misses);
			return;
		}
		Random random = new Random(SEED);
		List<WatchedTerm> watched = terms(terms, random);
		long compileStart = System.nanoTime();
		TermList global = TermList.compile(watched.subList(0, terms * 3 / 4));
		TermList group = TermList.compile(watched.subList(terms * 3 / 4, terms));
		double compileMillis = (System.nanoTime() - compileStart) / 1e6;
		List<Submission> submissions = new ArrayList<>(messages);
		for (int i = 0; i < messages; i++) {
			submissions.add(new Submission("sandbox", 1, "Patient/" + (i % 500), message(random, watched),
					random.nextInt(6), random.nextInt(20) == 0));
		}
		ScreeningEngine engine = new ScreeningEngine();
		ScreeningPolicy policy = ScreeningPolicy.defaults();
		int warmup = Math.min(messages, 50_000);
		long sink = 0;
		for (int i = 0; i < warmup; i++) {
			sink += engine.screen(submissions.get(i), policy, global, group).findings().size();
		}
		long[] nanos = new long[messages];
		long[] cpuNanos = new long[messages];
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		int urgent = 0;
		long characters = 0;
		long wallStart = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			Submission submission = submissions.get(i);
			long cpuStart = cpu.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			Verdict verdict = engine.screen(submission, policy, global, group);
			nanos[i] = System.nanoTime() - start;
			cpuNanos[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
			outcomes.merge(verdict.outcome(), 1, Integer::sum);
			urgent += verdict.crisis() ? 1 : 0;
			characters += submission.text().length();
		}
		double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
		Arrays.sort(nanos);
		Arrays.sort(cpuNanos);
		double p50 = micros(nanos, 50);
		double p99 = micros(nanos, 99);
		double max = nanos[messages - 1] / 1e3;
		System.out.printf(Locale.ROOT, "terms: %d (%d community-wide, %d the group's), compiled in %.1f ms%n", terms,
				global.size(), group.size(), compileMillis);
		System.out.printf(Locale.ROOT, "messages: %d, %.0f characters on average, %d warm-up screenings (%d)%n",
				messages, characters / (double) messages, warmup, sink % 10);
		System.out.printf(Locale.ROOT, "outcomes: %s, urgent: %d%n", outcomes, urgent);
		System.out.printf(Locale.ROOT,
				"screen per message: p50 %.1f us, p99 %.1f us, max %.1f us (target p99 under 1000 us)%n", p50, p99,
				max);
		System.out.printf(Locale.ROOT,
				"processor time per message: p50 %.1f us, p99 %.1f us (without the time other work on the machine took)%n",
				micros(cpuNanos, 50), micros(cpuNanos, 99));
		System.out.printf(Locale.ROOT, "throughput: %.0f messages/s on one thread%n", messages / wallSeconds);
		System.out.printf(Locale.ROOT, "{\"terms\":%d,\"messages\":%d,\"p50_us\":%.1f,\"p99_us\":%.1f}%n", terms,
				messages, p50, p99);
	}

	private static double micros(long[] sorted, int percent) {
		int rank = (int) Math.ceil(sorted.length * percent / 100.0) - 1;
		return sorted[Math.max(0, rank)] / 1e3;
	}

	/**
	 * Made-up words and phrases of two or three of them; a tenth block, the rest censor,
	 * hold or flag.
	 */
	private static List<WatchedTerm> terms(int count, Random random) {
		List<WatchedTerm> terms = new ArrayList<>(count);
		WatchAction[] actions = { WatchAction.BLOCK, WatchAction.CENSOR, WatchAction.CENSOR,
				WatchAction.REQUIRE_APPROVAL, WatchAction.REQUIRE_APPROVAL, WatchAction.FLAG, WatchAction.FLAG,
				WatchAction.FLAG, WatchAction.FLAG, WatchAction.FLAG };
		for (int i = 0; i < count; i++) {
			String term = (i % 4 == 0)
					? pseudoWord(random) + " " + pseudoWord(random) + ((i % 8 == 0) ? " " + pseudoWord(random) : "")
					: pseudoWord(random);
			terms.add(new WatchedTerm(term, actions[i % actions.length]));
		}
		return terms;
	}

	private static String pseudoWord(Random random) {
		String consonants = "bcdfghjklmnprstvz";
		String vowels = "aeiou";
		StringBuilder word = new StringBuilder();
		int syllables = 2 + random.nextInt(3);
		for (int i = 0; i < syllables; i++) {
			word.append(consonants.charAt(random.nextInt(consonants.length())));
			word.append(vowels.charAt(random.nextInt(vowels.length())));
		}
		return word.toString();
	}

	/**
	 * Chat-like words up to a length between 10 and 600 characters; one in twenty with
	 * personal data, one in twenty with urgent language or its near misses, one in ten
	 * with a watched word, one in twenty written with a Unicode trick.
	 */
	private static String message(Random random, List<WatchedTerm> watched) {
		int length = 10 + (int) Math.min(590, Math.abs(random.nextGaussian()) * 150);
		StringBuilder text = new StringBuilder(length + 40);
		while (text.length() < length) {
			int roll = random.nextInt(200);
			if (roll == 0) {
				text.append(PERSONAL[random.nextInt(PERSONAL.length)]);
			}
			else if (roll == 1) {
				text.append(URGENT[random.nextInt(URGENT.length)]);
			}
			else if (roll < 4) {
				text.append(watched.get(random.nextInt(watched.size())).term());
			}
			else {
				text.append(WORDS[random.nextInt(WORDS.length)]);
			}
			text.append((random.nextInt(12) == 0) ? ". " : " ");
		}
		String message = text.substring(0, length).strip();
		return (random.nextInt(20) == 0) ? trick(message, random) : message;
	}

	/**
	 * Zero-width spaces, Cyrillic look-alikes, full-width letters or digits for letters.
	 */
	private static String trick(String message, Random random) {
		StringBuilder tricked = new StringBuilder(message.length() + 16);
		int kind = random.nextInt(4);
		for (char c : message.toCharArray()) {
			switch (kind) {
				case 0 -> tricked.append(c).append((random.nextInt(4) == 0) ? "\u200b" : "");
				case 1 -> tricked.append((c == 'a') ? '\u0430' : (c == 'o') ? '\u043e' : (c == 'e') ? '\u0435' : c);
				case 2 -> tricked.append((c >= 'a' && c <= 'z') ? (char) (c - 'a' + '\uff41') : c);
				default -> tricked.append((c == 'e') ? '3' : (c == 'o') ? '0' : (c == 'i') ? '1' : c);
			}
		}
		return tricked.toString();
	}

}
