package org.kinship.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;
import org.kinship.moderation.Detector;

/**
 * The two urgent detectors: {@link Detector#CRISIS} (self-harm and suicide language) and
 * {@link Detector#CARE_DISTRESS} (trouble managing care: out of medicine, cannot afford
 * it, missed treatment, no way to get there), each on two paths.
 * <ul>
 * <li>Explicit language: fixed phrases of {@code screening/urgent-language.txt} on the
 * folded words of a message, in one Aho-Corasick pass. Single words that are everyday
 * speech ("kill", "dying", "ran out") are never enough: care distress needs a trigger
 * next to a medicine or treatment (the member's own medicines, under any of their names,
 * count as one), and near misses ("killing myself laughing", "don't skip doses") cancel a
 * match they overlap. A crisis phrase that the words before it place years back or make
 * one spoken of (a leaflet's warning, how to ask someone, a screening's question that the
 * member answered no) is left to the model, and so is a phrase whose detector the model
 * scores under {@link #CONTRADICTED}. A match is urgent.</li>
 * <li>Everything else: the learned {@link RiskModel}, whose score is urgent above one
 * threshold and asks a facilitator to look above a lower one.</li>
 * </ul>
 */
final class CrisisDetector {

	/** More matches than this of one role in a message are not looked at. */
	private static final int MAX_EMITS = 200;

	private static final int MAX_GAP_WORDS = 3;

	private static final PayloadTrie<Set<Role>> PHRASES;

	/**
	 * How many words before a phrase may place it years back, or make a crisis phrase
	 * words spoken of rather than felt.
	 */
	private static final int CONTEXT_WORDS = 10;

	private static final String HOW_MANY = "(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
			+ "many|several|some|few|couple|couple of|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|"
			+ "veinte|unos|varios|muchos|tantos|algunos|mas de \\w+)";

	private static final Pattern LONG_AGO = Pattern.compile("\\b(?:(?:" + HOW_MANY + " )?(?:years?|yrs?|decades?) ago"
			+ "|long time ago|back in (?:19|20)\\d\\d|in (?:19|20)\\d\\d|(?<!desde )hace (?:" + HOW_MANY
			+ " )?(?:anos|ano|decadas)(?! que)|(?:anos|decadas) atras|en (?:el )?(?:19|20)\\d\\d)\\b");

	private static final Pattern NOW = Pattern.compile("\\b(?:now|tonight|today|again|anymore|lately|these days"
			+ "|this (?:week|month|morning)|hoy|ahora|esta noche|otra vez|de nuevo|ultimamente|estos dias"
			+ "|esta semana)\\b");

	/**
	 * Words that make a crisis phrase one spoken of: a medicine's warning ("the leaflet
	 * says it may cause suicidal thoughts"), how to ask someone, a course.
	 */
	private static final Pattern SPOKEN_OF = Pattern.compile("\\b(?:label|leaflet|pamphlet|package insert|info sheet"
			+ "|patient info|insert|folleto|warning (?:about|on|label|says)|warns|black box|boxed warning|side effects?|may cause|can cause"
			+ "|could cause|might cause|prospecto|etiqueta|papelito|advertencia|efectos? (?:secundarios?|adversos?)"
			+ "|puede (?:causar|dar|provocar)|pueden (?:causar|dar|provocar)|ask (?:someone|them|him|her|directly|a friend"
			+ "|if|whether)|asking (?:someone|them|him|her|directly|if|whether)|preguntar(?:le|les)? (?:si|directamente)"
			+ "|training|course|workshop|first aid|curso|taller|charla|capacitacion|primeros auxilios)\\b");

	/**
	 * Words that make a crisis phrase the question of a screening ("the nurse asked if I
	 * ever had thoughts of hurting myself", "el cuestionario, si he pensado en hacerme
	 * daño"): it is left to the model only when the member reports answering no.
	 */
	private static final Pattern SCREENING = Pattern.compile(
			"\\b(?:ask(?:s|ed|ing)? (?:(?:me|him|her|us|them|everyone|everybody|every \\w+) )?(?:\\w+ ){0,3}(?:if|whether|about)"
					+ "|questionnaire|screening|phq\\w*|survey|intake form|form ask\\w*"
					+ "|(?:the|that|a|routine|standard) question|(?:me|le|les|nos) pregunt\\w* (?:\\w+ ){0,3}si"
					+ "|cuestionario|encuesta|tamizaje|preguntas? (?:de rutina|de rigor|de siempre)|la pregunta (?:de|sobre))\\b");

	/** The member's answer to a screening question, no. */
	private static final Pattern DENIED = Pattern.compile("\\b(?:(?:said|say|told (?:her|him|them|em)|answered"
			+ "|checked|marked|circled|put)(?: honestly)? (?:no(?! one| body)|zero|0|never|nope|absolutely not"
			+ "|not a chance)"
			+ "|no to (?:all|every\\w*)|(?:le |les )?(?:dije|digo) que no|no le (?:dije|digo)|todo que no|contest\\w* que no|respond\\w* que no"
			+ "|marque (?:que )?no)\\b");

	/** An answer that is not no, or a no taken back. */
	private static final Pattern AFFIRMED = Pattern
		.compile("\\b(?:yes|yeah|yep|lie|lied|lying|dije que si|conteste que si"
				+ "|marque (?:que )?si|menti|mentira|pero si)\\b");

	/** How many words after a screening question its answer may come. */
	private static final int ANSWER_WORDS = 15;

	/** How many words before a crisis phrase a screening's question may begin. */
	private static final int QUESTION_WORDS = 15;

	/**
	 * Words that place a care-distress phrase next to them a year or more back: those of
	 * {@link #LONG_AGO}, and "last winter I ran out of insulin", "el invierno pasado".
	 */
	private static final Pattern YEAR_BACK = Pattern.compile(LONG_AGO.pattern()
			+ "|\\b(?:last (?:year|winter|summer|spring|fall|autumn)|(?:el|la) (?:ano|invierno|verano|otono|primavera)"
			+ " pasad[oa])\\b");

	/**
	 * Words right before a care-distress phrase that say it did not happen: "not one
	 * missed dose", "never once been out of my insulin", "no more running out of
	 * Entresto", "ni un solo dia sin el Spiriva".
	 */
	private static final Pattern NOT_HAPPENED = Pattern
		.compile("\\b(?:never(?: once)?|not (?:one|once|a single)|zero|0|no more|nunca(?: mas)?"
				+ "|ni (?:un|una) (?:solo |sola )?(?:dia|vez|dosis))(?: (?:been|had|have|has|ran|run|gone|went|me|se|he|ha|le))?$");

	/** How many words before a care-distress phrase {@link #NOT_HAPPENED} reads. */
	private static final int NOT_HAPPENED_WORDS = 3;

	/** How many words after a care-distress phrase may place it a year or more back. */
	private static final int AFTER_WORDS = 6;

	/**
	 * A phrase of the list is left to the model when the model's score for its detector
	 * is under this: the model, which reads the whole message, is all but sure the phrase
	 * is not meant ("walked to the mailbox without my oxygen today, small wins"). No
	 * crisis or care-distress sentence of the corpora that a phrase matches scores this
	 * low out of fold; the lowest, a crisis in one clause of a long post, scores 0.049.
	 * It was 0.02 until a model scored an explicit "want to die" beside unaffordable
	 * medicines and a telephone number 0.018 for crisis, reading the rest as care
	 * distress: the model must be surer than that to overrule an explicit phrase.
	 */
	static final double CONTRADICTED = 0.01;

	private static final Set<String> GAP = new HashSet<>();

	static {
		Map<String, Set<Role>> roles = new HashMap<>();
		read((role, phrase) -> {
			if (role == Role.GAP) {
				GAP.add(phrase);
			}
			else {
				roles.computeIfAbsent(phrase, (k) -> EnumSet.noneOf(Role.class)).add(role);
			}
		});
		PayloadTrie.PayloadTrieBuilder<Set<Role>> builder = PayloadTrie.builder();
		builder.onlyWholeWords();
		roles.forEach(builder::addKeyword);
		PHRASES = builder.build();
	}

	private static final Set<Role> SUPPLY = Set.of(Role.SUPPLY);

	private CrisisDetector() {
	}

	/**
	 * What the urgent detectors found in a message.
	 *
	 * @param urgent the detectors that call for an urgent escalation
	 * @param look the detectors that ask a facilitator to look, without urgency
	 */
	record Risk(Set<Detector> urgent, Set<Detector> look) {
	}

	/**
	 * What the urgent detectors make of a message, with the shipped model.
	 * @param original the message as typed
	 * @param text the folded message
	 * @param medicines the member's medicines as {@link MedicineNames#ofMember} names
	 * them; empty when unknown
	 * @return the detectors that call for an urgent escalation and those that ask a
	 * facilitator to look
	 */
	static Risk find(String original, NormalizedText text, Set<String> medicines) {
		return find(original, text, medicines, RiskModel.shipped());
	}

	/**
	 * What the urgent detectors make of a message: a phrase of the list that the model
	 * does not all but rule out, or a model score at or above its urgent threshold, is
	 * urgent; a score between the "please look" and the urgent threshold asks a
	 * facilitator to look.
	 * @param original the message as typed
	 * @param text the folded message
	 * @param medicines the member's medicines, folded single words; empty when unknown
	 * @param model the learned path
	 * @return what was found, each detector in at most one of the two tiers
	 */
	static Risk find(String original, NormalizedText text, Set<String> medicines, RiskModel model) {
		Set<Detector> matched = EnumSet.noneOf(Detector.class);
		String withoutNearMisses = phrases(text.text(), medicines, matched);
		String alternative = text.alternative();
		if (alternative != null && matched.size() < 2) {
			phrases(alternative, medicines, matched);
		}
		RiskModel.Scores scores = model.score(original, withoutNearMisses, medicines);
		Set<Detector> urgent = EnumSet.noneOf(Detector.class);
		if (matched.contains(Detector.CRISIS) && scores.crisis() >= CONTRADICTED) {
			urgent.add(Detector.CRISIS);
		}
		if (matched.contains(Detector.CARE_DISTRESS) && scores.distress() >= CONTRADICTED) {
			urgent.add(Detector.CARE_DISTRESS);
		}
		RiskModel.Thresholds thresholds = model.thresholds();
		Set<Detector> look = EnumSet.noneOf(Detector.class);
		tier(Detector.CRISIS, scores.crisis(), thresholds.lookCrisis(), thresholds.urgentCrisis(), urgent, look);
		tier(Detector.CARE_DISTRESS, scores.distress(), thresholds.lookDistress(), thresholds.urgentDistress(), urgent,
				look);
		return new Risk(urgent, look);
	}

	private static void tier(Detector detector, double score, double lookAt, double urgentAt, Set<Detector> urgent,
			Set<Detector> look) {
		if (score >= urgentAt) {
			urgent.add(detector);
		}
		else if (score >= lookAt && !urgent.contains(detector)) {
			look.add(detector);
		}
	}

	/**
	 * The detectors whose phrases match a message.
	 * @param text the folded message
	 * @param medicines the member's medicines, read as supplies
	 * @return {@link Detector#CRISIS}, {@link Detector#CARE_DISTRESS}, both or neither
	 */
	static Set<Detector> phrases(NormalizedText text, Set<String> medicines) {
		Set<Detector> found = EnumSet.noneOf(Detector.class);
		phrases(text.text(), medicines, found);
		String alternative = text.alternative();
		if (alternative != null && found.size() < 2) {
			phrases(alternative, medicines, found);
		}
		return found;
	}

	/**
	 * The words the model reads: the folded message without the near misses that the
	 * phrase list knows ("cut myself shaving", "suicide prevention", "never miss a
	 * dose"), so that what the list settles is not read again.
	 * @param text the folded message
	 * @return the words without the near misses
	 */
	static String forModel(NormalizedText text) {
		return phrases(text.text(), Set.of(), EnumSet.noneOf(Detector.class));
	}

	/**
	 * Adds the detectors whose phrases match the text.
	 * @return the text without its near misses, for the model
	 */
	private static String phrases(String text, Set<String> medicines, Set<Detector> found) {
		Map<Role, List<PayloadEmit<Set<Role>>>> byRole = new HashMap<>();
		PHRASES.parseText(text, (emit) -> {
			for (Role role : emit.getPayload()) {
				List<PayloadEmit<Set<Role>>> list = byRole.computeIfAbsent(role, (k) -> new ArrayList<>());
				if (list.size() < MAX_EMITS) {
					list.add(emit);
				}
			}
			return true;
		});
		medicines(text, medicines, byRole.computeIfAbsent(Role.SUPPLY, (k) -> new ArrayList<>()));
		List<PayloadEmit<Set<Role>>> crisisNot = byRole.getOrDefault(Role.CRISIS_NOT, List.of());
		if (byRole.getOrDefault(Role.CRISIS, List.of())
			.stream()
			.anyMatch((emit) -> !overlaps(emit.getStart(), emit.getEnd(), crisisNot)
					&& !leftToModel(text, emit.getStart(), emit.getEnd() + 1))) {
			found.add(Detector.CRISIS);
		}
		if (careDistress(text, byRole)) {
			found.add(Detector.CARE_DISTRESS);
		}
		List<PayloadEmit<Set<Role>>> careNot = byRole.getOrDefault(Role.CARE_NOT, List.of());
		if (crisisNot.isEmpty() && careNot.isEmpty()) {
			return text;
		}
		char[] kept = text.toCharArray();
		for (List<PayloadEmit<Set<Role>>> nearMisses : List.of(crisisNot, careNot)) {
			for (PayloadEmit<Set<Role>> nearMiss : nearMisses) {
				java.util.Arrays.fill(kept, nearMiss.getStart(), nearMiss.getEnd() + 1, ' ');
			}
		}
		return new String(kept).replaceAll(" {2,}", " ");
	}

	/**
	 * The member's medicines, and those of the table of {@link MedicineNames}, named in
	 * the text, as supplies.
	 */
	private static void medicines(String text, Set<String> medicines, List<PayloadEmit<Set<Role>>> supplies) {
		int start = 0;
		while (start < text.length() && supplies.size() < MAX_EMITS) {
			int end = text.indexOf(' ', start);
			end = (end < 0) ? text.length() : end;
			String word = text.substring(start, end);
			if (medicines.contains(word) || MedicineNames.isKnown(word)) {
				supplies.add(new PayloadEmit<>(start, end - 1, word, SUPPLY));
			}
			start = end + 1;
		}
	}

	private static boolean careDistress(String text, Map<Role, List<PayloadEmit<Set<Role>>>> byRole) {
		List<PayloadEmit<Set<Role>>> careNot = byRole.getOrDefault(Role.CARE_NOT, List.of());
		for (PayloadEmit<Set<Role>> care : byRole.getOrDefault(Role.CARE, List.of())) {
			if (!overlaps(care.getStart(), care.getEnd(), careNot)
					&& !careLeftToModel(text, care.getStart(), care.getEnd() + 1)) {
				return true;
			}
		}
		return paired(text, byRole, Role.SUPPLY_TRIGGER, Role.SUPPLY, careNot)
				|| paired(text, byRole, Role.SUPPLY, Role.SUPPLY_AFTER, careNot)
				|| paired(text, byRole, Role.ACCESS_TRIGGER, Role.TREATMENT, careNot);
	}

	/**
	 * Whether a phrase of the first role is followed, past a few small words, by one of
	 * the second.
	 */
	private static boolean paired(String text, Map<Role, List<PayloadEmit<Set<Role>>>> byRole, Role first, Role second,
			List<PayloadEmit<Set<Role>>> careNot) {
		List<PayloadEmit<Set<Role>>> seconds = byRole.getOrDefault(second, List.of());
		for (PayloadEmit<Set<Role>> a : byRole.getOrDefault(first, List.of())) {
			for (PayloadEmit<Set<Role>> b : seconds) {
				if (b.getStart() > a.getEnd() && smallWordsBetween(text, a.getEnd() + 1, b.getStart())
						&& !overlaps(a.getStart(), b.getEnd(), careNot)
						&& !careLeftToModel(text, a.getStart(), b.getEnd() + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean smallWordsBetween(String text, int from, int to) {
		String between = text.substring(from, to).strip();
		if (between.isEmpty()) {
			return true;
		}
		String[] words = between.split(" ");
		if (words.length > MAX_GAP_WORDS) {
			return false;
		}
		for (String word : words) {
			if (!GAP.contains(word)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the words around a crisis phrase make it one the list cannot judge, so that
	 * the model decides: words before it placing it years back ("two years ago I wanted
	 * to die", "hace 8 anos pense en quitarme la vida"), unless the words between come
	 * back to the present ("years ago ... and tonight I want to"); words making it spoken
	 * of rather than felt ("the leaflet says it may cause suicidal thoughts", "how do I
	 * ask her if she is thinking about suicide"); or a screening's question that the
	 * member answered no ("the nurse asked me flat out if I had thoughts of hurting
	 * myself, told her no").
	 */
	private static boolean leftToModel(String text, int phraseStart, int phraseEnd) {
		String before = wordsBefore(text, phraseStart, CONTEXT_WORDS);
		if (SPOKEN_OF.matcher(before).find() || SCREENING.matcher(wordsBefore(text, phraseStart, QUESTION_WORDS)).find()
				&& answeredNo(text, phraseEnd)) {
			return true;
		}
		return placedBack(before, LONG_AGO);
	}

	/**
	 * Whether a care-distress phrase is one the list cannot judge, so that the model
	 * decides: the words right before it say it did not happen ("not one missed dose",
	 * "no more running out of Entresto"), or the words around it place it a year or more
	 * back ("last winter I ran out of insulin, now I get 3 months at a time", "couldn't
	 * afford my meds in 2020"), unless the words between come back to the present.
	 */
	private static boolean careLeftToModel(String text, int phraseStart, int phraseEnd) {
		if (NOT_HAPPENED.matcher(wordsBefore(text, phraseStart, NOT_HAPPENED_WORDS).strip()).find()) {
			return true;
		}
		if (placedBack(wordsBefore(text, phraseStart, CONTEXT_WORDS), YEAR_BACK)) {
			return true;
		}
		String after = wordsAfter(text, phraseEnd, AFTER_WORDS);
		Matcher anchor = YEAR_BACK.matcher(after);
		return anchor.find() && !NOW.matcher(after.substring(0, anchor.start())).find();
	}

	/**
	 * Whether words of the given kind place what follows them back in time, with no word
	 * after the last of them that comes back to the present.
	 */
	private static boolean placedBack(String before, Pattern back) {
		Matcher anchor = back.matcher(before);
		int end = -1;
		while (anchor.find()) {
			end = anchor.end();
		}
		return end >= 0 && !NOW.matcher(before.substring(end)).find();
	}

	/** The words before a position, up to the given number of them and a part of one. */
	private static String wordsBefore(String text, int phraseStart, int count) {
		int from = phraseStart;
		for (int words = 0; words <= count && from > 0; words++) {
			from = text.lastIndexOf(' ', from - 2) + 1;
		}
		return text.substring(from, phraseStart);
	}

	/** The words after a position, up to the given number of them. */
	private static String wordsAfter(String text, int phraseEnd, int count) {
		int to = phraseEnd;
		for (int words = 0; words < count && to >= 0 && to < text.length(); words++) {
			to = text.indexOf(' ', to + 1);
		}
		return text.substring(Math.min(phraseEnd, text.length()), (to < 0) ? text.length() : to);
	}

	/**
	 * Whether the words after a screening question report answering no, and nothing there
	 * takes it back.
	 */
	private static boolean answeredNo(String text, int phraseEnd) {
		String after = wordsAfter(text, phraseEnd, ANSWER_WORDS);
		return DENIED.matcher(after).find() && !AFFIRMED.matcher(after).find();
	}

	private static boolean overlaps(int start, int end, List<PayloadEmit<Set<Role>>> others) {
		return others.stream().anyMatch((other) -> start <= other.getEnd() && other.getStart() <= end);
	}

	private static void read(java.util.function.BiConsumer<Role, String> phrase) {
		InputStream in = CrisisDetector.class.getResourceAsStream("/screening/urgent-language.txt");
		if (in == null) {
			throw new IllegalStateException("screening/urgent-language.txt is missing");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			Role role = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				if (trimmed.startsWith("[")) {
					role = Role
						.valueOf(trimmed.substring(1, trimmed.length() - 1).replace('-', '_').toUpperCase(Locale.ROOT));
				}
				else if (role != null) {
					String term = TextNormalizer.forTerm(trimmed);
					phrase.accept(role, term);
					if (term.contains("myself")) {
						// "kill my self" is as common a spelling as "kill myself"
						phrase.accept(role, term.replace("myself", "my self"));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a phrase of {@code urgent-language.txt} does, named as its section. */
	private enum Role {

		CRISIS, CRISIS_NOT, CARE, SUPPLY_TRIGGER, SUPPLY_AFTER, SUPPLY, ACCESS_TRIGGER, TREATMENT, CARE_NOT, GAP

	}

}
