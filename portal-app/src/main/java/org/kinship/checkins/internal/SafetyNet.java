package org.kinship.checkins.internal;

import java.time.Duration;

import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Kind;

import org.springframework.stereotype.Component;

/**
 * Raises an answer showing risk as an urgent escalation in the group's review queue, as
 * screening does for a crisis message: the same card kind, the same response-time target,
 * the same entry in the moderation log, and {@code EscalationRaised} for the care team. A
 * check-in's card is keyed by the negated answer id, so that it never meets a message's
 * card (message ids are positive). Trouble managing care that the medicines check-in
 * shows is raised as screening raises a care-distress finding: an urgent escalation when
 * a medicine ran out, a "please look" item when one was stopped, with the finding's own
 * words and where it came from, never which medicine.
 */
@Component
public class SafetyNet {

	private final ReviewQueue queue;

	private final ModerationSettings settings;

	private final ModerationLog log;

	SafetyNet(ReviewQueue queue, ModerationSettings settings, ModerationLog log) {
		this.queue = queue;
		this.settings = settings;
		this.log = log;
	}

	/**
	 * Raises the escalation, in the caller's transaction.
	 * @param issuer the health system
	 * @param groupId the group the member answered in
	 * @param answerId the answer
	 * @param member the member
	 * @param found what the answers showed, in words for facilitators
	 */
	public void raise(String issuer, long groupId, long answerId, String member, String found) {
		Duration responseTime = this.settings.inForce(issuer, groupId).responseTime();
		this.queue.enqueue(issuer, groupId, reviewKey(answerId), member, Kind.ESCALATED, found, responseTime);
		this.log.record(new ModerationLog.Entry(issuer, groupId, "check-in", "ESCALATE", member, reviewKey(answerId),
				"check-in answer showing risk"));
	}

	/**
	 * Raises trouble managing care, in the caller's transaction: an urgent escalation
	 * (with the group's response-time target, and {@code EscalationRaised} for the care
	 * team) or a "please look" item.
	 * @param issuer the health system
	 * @param groupId the group the member answered in
	 * @param answerId the answer
	 * @param member the member
	 * @param urgent true for an urgent escalation, false for "please look"
	 */
	public void raiseCareDistress(String issuer, long groupId, long answerId, String member, boolean urgent) {
		// the words of screening's care-distress findings, as the queue shows them for a
		// message, and that a check-in found it
		String found = "care distress: " + (urgent ? "trouble managing care" : "possible trouble managing care")
				+ " (medicines check-in)";
		Duration responseTime = urgent ? this.settings.inForce(issuer, groupId).responseTime() : null;
		this.queue.enqueue(issuer, groupId, reviewKey(answerId), member, urgent ? Kind.ESCALATED : Kind.LOOK, found,
				responseTime);
		this.log.record(new ModerationLog.Entry(issuer, groupId, "check-in", urgent ? "ESCALATE" : "LOOK", member,
				reviewKey(answerId), found));
	}

	/**
	 * The review queue's key for an answer.
	 * @param answerId the answer
	 * @return the key
	 */
	public static long reviewKey(long answerId) {
		return -answerId;
	}

}
