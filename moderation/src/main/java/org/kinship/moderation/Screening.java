package org.kinship.moderation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.internal.ScreeningEngine;
import org.kinship.moderation.internal.ScreeningRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The screening contract every message passes before it is stored. The chat module calls
 * {@link #screen(Submission)} inside the sending transaction; a {@link Outcome#HOLD}
 * stores the message out of sight for the review queue, a {@link Outcome#REFUSE} stores
 * nothing and tells the member why, a {@link Outcome#FLAG} stores and delivers it and
 * puts it in the review queue.
 *
 * <p>
 * Every message passes the watched words, personal-data, crisis, care-distress and
 * new-member detectors of {@link ScreeningEngine}, under the rules of its group from the
 * {@link ScreeningRules} bean. Until there is such a bean,
 * {@link ScreeningRules#UNTIL_CONFIGURED} applies: no watched words and no new-member
 * review, so only personal data is held.
 */
@Component
public class Screening {

	private final ScreeningEngine engine = new ScreeningEngine();

	private final ObjectProvider<ScreeningRules> rules;

	Screening(ObjectProvider<ScreeningRules> rules) {
		this.rules = rules;
	}

	/**
	 * Screens one message. Reads nothing from the database itself; the rules bean decides
	 * where its rules come from.
	 * @param submission what is about to be stored
	 * @return the verdict
	 */
	public Verdict screen(Submission submission) {
		ScreeningRules.Rules group = this.rules.getIfAvailable(() -> ScreeningRules.UNTIL_CONFIGURED)
			.rulesFor(submission.issuer(), submission.groupId());
		return this.engine.screen(submission, group.policy(), group.global(), group.group());
	}

	/**
	 * A message about to be stored.
	 *
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param text the message as typed (Markdown source)
	 * @param publishedBefore how many of the author's messages in this group were
	 * published before this one (held, rejected and deleted ones not counted)
	 * @param staff whether the author is a facilitator or community manager of the group
	 */
	public record Submission(String issuer, long groupId, String author, String text, int publishedBefore,
			boolean staff) {
	}

	/**
	 * What happens to a screened message.
	 *
	 * @param outcome allow, flag, hold or refuse
	 * @param text the text to store: the submitted text, or with censored words masked
	 * @param reasonKey for a refusal or a hold, the message key that tells the member why
	 * in plain words (what to remove, that a facilitator will look first); otherwise
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

	/**
	 * One thing a detector found.
	 *
	 * @param detector which detector
	 * @param label what it found, in words for the review queue (the term, "phone
	 * number"); never the matched personal data itself
	 * @param urgent whether it calls for an urgent escalation (crisis, distress about
	 * care)
	 */
	public record Finding(Detector detector, String label, boolean urgent) {
	}

	/** The detectors. */
	public enum Detector {

		/** A watched word or phrase, global or of the group. */
		WATCHED_WORD,
		/** Phone numbers, e-mail and street addresses, dates of birth, record numbers. */
		PERSONAL_DATA,
		/** Self-harm and suicide language. */
		CRISIS,
		/** Trouble managing care: out of medicine, cannot afford it, missed treatment. */
		CARE_DISTRESS,
		/** The first posts of a new member, and links from new members. */
		NEW_MEMBER

	}

	/** What screening decided. */
	public enum Outcome {

		/** Stored and delivered. */
		ALLOW,
		/** Stored and delivered, and put in the review queue. */
		FLAG,
		/** Stored for review, not delivered. */
		HOLD,
		/** Not stored. */
		REFUSE

	}

}
