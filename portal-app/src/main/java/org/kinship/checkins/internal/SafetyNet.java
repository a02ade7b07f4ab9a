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
 * card (message ids are positive).
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
	 * The review queue's key for an answer.
	 * @param answerId the answer
	 * @return the key
	 */
	public static long reviewKey(long answerId) {
		return -answerId;
	}

}
