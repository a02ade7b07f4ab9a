package org.kinship.moderation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happens to a screened message.
 *
 * @param outcome allow, flag, hold or refuse
 * @param text the text to store: the submitted text, or with censored words masked
 * @param reasonKey for a refusal or a hold, the message key that tells the member why in
 * plain words (what to remove, that a facilitator will look first); otherwise
 * {@code null}
 * @param reasonArgs the arguments of that message
 * @param findings what the detectors found, for the review queue; empty when nothing
 */
public record Verdict(Outcome outcome, String text, @Nullable String reasonKey, List<String> reasonArgs,
		List<Finding> findings) {

	/**
	 * Stored and delivered.
	 * @param text the text to store
	 * @return the verdict
	 */
	public static Verdict allow(String text) {
		return new Verdict(Outcome.ALLOW, text, null, List.of(), List.of());
	}

	/**
	 * Stored, held for review, not delivered.
	 * @param text the text to store
	 * @return the verdict
	 */
	public static Verdict hold(String text) {
		return new Verdict(Outcome.HOLD, text, "moderation.held", List.of(), List.of());
	}

	/**
	 * Not stored.
	 * @param reasonKey the message key that says why
	 * @return the verdict
	 */
	public static Verdict refuse(String reasonKey) {
		return new Verdict(Outcome.REFUSE, "", reasonKey, List.of(), List.of());
	}

	/**
	 * Whether the sender should see the crisis resources (988 and their care team) at
	 * once, and the group's facilitators get an urgent escalation.
	 * @return whether a crisis or care-distress detector matched
	 */
	public boolean crisis() {
		return this.findings.stream().anyMatch(Finding::urgent);
	}

}
