package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.Detector;
import org.kinship.moderation.Finding;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.internal.PersonalDataDetector.PersonalData;

/**
 * Screens one message with every detector and combines what they found. A blocked word
 * refuses the message; otherwise a word that requires approval, personal data, a new
 * member's first posts or links (and crisis language when the group holds it) hold it; a
 * flagged word delivers it into the review queue; otherwise it is allowed. Censored words
 * are masked in the text to store whatever the outcome. Crisis and care distress never
 * refuse nor hold on their own (unless the group holds crisis language): a clear risk is
 * an urgent finding, so that {@link Verdict#crisis()} escalates the message however it is
 * delivered; an uncertain one is a finding of the same detector that is not urgent, for a
 * facilitator to look at ("please look") while the post goes out as it would have.
 *
 * <p>
 * Plain Java: no Spring, no state, safe to call from many threads at once.
 */
public final class ScreeningEngine {

	/** Key of a refusal for a blocked word; argument: the word as configured. */
	public static final String REFUSED_WATCHED_WORD = "moderation.refused.watched-word";

	/** Key of a hold for a word that requires approval. */
	public static final String HELD_WATCHED_WORD = "moderation.held.watched-word";

	/**
	 * Key of a hold for personal data; argument: what to remove, in English words ("a
	 * phone number and an e-mail address"); arguments after it: the key of each kind's
	 * words in the member's language ({@code moderation.personal-data.phone-number}).
	 */
	public static final String HELD_PERSONAL_DATA = "moderation.held.personal-data";

	/** Key of a hold for a link from a new member. */
	public static final String HELD_NEW_MEMBER_LINK = "moderation.held.new-member-link";

	/** Key of a hold for a new member's first posts. */
	public static final String HELD_NEW_MEMBER = "moderation.held.new-member";

	/** Key of a hold for crisis language, when the group holds it. */
	public static final String HELD_CRISIS = "moderation.held.crisis";

	/** Label of an urgent crisis finding. */
	public static final String CRISIS = "self-harm or suicide language";

	/**
	 * Label of a crisis finding that is not urgent: a facilitator should look, the post
	 * is not delayed.
	 */
	public static final String POSSIBLE_CRISIS = "possible self-harm or suicide language";

	/** Label of an urgent care-distress finding. */
	public static final String CARE_DISTRESS = "trouble managing care";

	/**
	 * Label of a care-distress finding that is not urgent: a facilitator should look, the
	 * post is not delayed.
	 */
	public static final String POSSIBLE_CARE_DISTRESS = "possible trouble managing care";

	/** What censored characters are replaced with, one for each. */
	public static final char MASK = '■';

	private final RiskModel model;

	/** An engine with the model shipped in the jar. */
	public ScreeningEngine() {
		this(RiskModel.shipped());
	}

	/**
	 * An engine with another model of the learned path, for training and measuring it.
	 * @param model the model
	 */
	ScreeningEngine(RiskModel model) {
		this.model = model;
	}

	/**
	 * Screens one message.
	 * @param submission the message and its author
	 * @param policy the group's settings
	 * @param global the community's watched words
	 * @param group the group's own watched words
	 * @return the verdict, with every finding of every detector
	 */
	public Verdict screen(Submission submission, ScreeningPolicy policy, TermList global, TermList group) {
		String original = submission.text();
		NormalizedText words = TextNormalizer.forWords(original);
		String folded = TextNormalizer.forPersonalData(original);
		List<TermList.Hit> hits = new ArrayList<>(global.find(words));
		hits.addAll(group.find(words));
		boolean newMember = !submission.staff() && submission.publishedBefore() < policy.newMemberPosts();
		Found found = new Found(hits, PersonalDataDetector.find(folded),
				CrisisDetector.find(original, words, MedicineNames.ofMember(submission.medicines()), this.model),
				newMember, newMember && Links.in(folded));
		WatchAction strongest = strongest(hits);
		if (strongest == WatchAction.BLOCK) {
			String term = hits.stream()
				.filter((hit) -> hit.term().action() == WatchAction.BLOCK)
				.findFirst()
				.orElseThrow()
				.term()
				.term();
			return new Verdict(Outcome.REFUSE, "", REFUSED_WATCHED_WORD, List.of(term), found.findings());
		}
		String text = censored(original, words, hits);
		if (!found.personal().isEmpty()) {
			return new Verdict(Outcome.HOLD, text, HELD_PERSONAL_DATA, personalDataArgs(found.personal()),
					found.findings());
		}
		String held = heldFor(found, strongest, policy);
		if (held != null) {
			return new Verdict(Outcome.HOLD, text, held, List.of(), found.findings());
		}
		Outcome outcome = (strongest == WatchAction.FLAG) ? Outcome.FLAG : Outcome.ALLOW;
		return new Verdict(outcome, text, null, List.of(), found.findings());
	}

	/** Why a message without personal data is held, or {@code null} when it is not. */
	private static @Nullable String heldFor(Found found, WatchAction strongest, ScreeningPolicy policy) {
		if (strongest == WatchAction.REQUIRE_APPROVAL) {
			return HELD_WATCHED_WORD;
		}
		if (found.newMember()) {
			return found.link() ? HELD_NEW_MEMBER_LINK : HELD_NEW_MEMBER;
		}
		if (policy.holdCrisis() && found.risk().urgent().contains(Detector.CRISIS)) {
			return HELD_CRISIS;
		}
		return null;
	}

	private static WatchAction strongest(List<TermList.Hit> hits) {
		WatchAction strongest = WatchAction.CENSOR;
		for (TermList.Hit hit : hits) {
			if (rank(hit.term().action()) > rank(strongest)) {
				strongest = hit.term().action();
			}
		}
		return strongest;
	}

	private static int rank(WatchAction action) {
		return switch (action) {
			case CENSOR -> 0;
			case FLAG -> 1;
			case REQUIRE_APPROVAL -> 2;
			case BLOCK -> 3;
		};
	}

	/**
	 * The original text with the characters behind every censored word masked, one mask
	 * for each code point (zero-width characters inside the word included), spaces kept.
	 */
	private static String censored(String original, NormalizedText words, List<TermList.Hit> hits) {
		boolean[] masked = null;
		for (TermList.Hit hit : hits) {
			if (hit.term().action() == WatchAction.CENSOR) {
				masked = (masked != null) ? masked : new boolean[original.length()];
				int[] range = words.original(hit.from(), hit.to());
				java.util.Arrays.fill(masked, range[0], range[1], true);
			}
		}
		if (masked == null) {
			return original;
		}
		StringBuilder text = new StringBuilder(original.length());
		for (int i = 0; i < original.length();) {
			int cp = original.codePointAt(i);
			text.appendCodePoint((masked[i] && !Character.isWhitespace(cp)) ? MASK : cp);
			i += Character.charCount(cp);
		}
		return text.toString();
	}

	/**
	 * What every detector found.
	 *
	 * @param hits the watched words, global and the group's
	 * @param personal the kinds of personal data
	 * @param risk crisis and care distress, urgent or for a facilitator to look at
	 * @param newMember whether the author is a new member under the group's policy
	 * @param link whether a new member's message holds a link
	 */
	private record Found(List<TermList.Hit> hits, Set<PersonalData> personal, CrisisDetector.Risk risk,
			boolean newMember, boolean link) {

		/**
		 * The findings for the review queue, in the order of the detectors, each once.
		 */
		List<Finding> findings() {
			Set<Finding> findings = new LinkedHashSet<>();
			this.hits.forEach((hit) -> findings.add(new Finding(Detector.WATCHED_WORD, hit.term().term(), false)));
			this.personal.forEach((kind) -> findings.add(new Finding(Detector.PERSONAL_DATA, kind.label(), false)));
			if (this.risk.urgent().contains(Detector.CRISIS)) {
				findings.add(new Finding(Detector.CRISIS, CRISIS, true));
			}
			else if (this.risk.look().contains(Detector.CRISIS)) {
				findings.add(new Finding(Detector.CRISIS, POSSIBLE_CRISIS, false));
			}
			if (this.risk.urgent().contains(Detector.CARE_DISTRESS)) {
				findings.add(new Finding(Detector.CARE_DISTRESS, CARE_DISTRESS, true));
			}
			else if (this.risk.look().contains(Detector.CARE_DISTRESS)) {
				findings.add(new Finding(Detector.CARE_DISTRESS, POSSIBLE_CARE_DISTRESS, false));
			}
			if (this.newMember) {
				findings
					.add(new Finding(Detector.NEW_MEMBER, this.link ? "link from a new member" : "new member", false));
			}
			return List.copyOf(findings);
		}

	}

	/** "a phone number", "a phone number and an e-mail address", then the kinds' keys. */
	private static List<String> personalDataArgs(Set<PersonalData> kinds) {
		List<String> phrases = kinds.stream()
			.map((kind) -> (kind == PersonalData.EMAIL_ADDRESS ? "an " : "a ") + kind.label())
			.toList();
		String words = (phrases.size() == 1) ? phrases.get(0)
				: String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
		List<String> args = new ArrayList<>();
		args.add(words);
		kinds.forEach((kind) -> args.add(kind.key()));
		return List.copyOf(args);
	}

}
