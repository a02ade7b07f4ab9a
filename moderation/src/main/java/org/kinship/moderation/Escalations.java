package org.kinship.moderation;

import java.util.Locale;

import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilitators do with a member who may be at risk: an urgent escalation
 * ({@link Kind#ESCALATED}) or a "please look" item ({@link Kind#LOOK}) is handed to a
 * colleague, raised to urgent, and closed with its outcome. Each step is written to the
 * moderation log with who took it; the caller has checked that the person moderates the
 * item's group, and that a colleague is one of its staff.
 */
@Component
public class Escalations {

	private static final int MAX_NOTE = 500;

	private final ReviewQueue queue;

	private final ModerationLog log;

	private final ModerationSettings settings;

	Escalations(ReviewQueue queue, ModerationLog log, ModerationSettings settings) {
		this.queue = queue;
		this.log = log;
		this.settings = settings;
	}

	/**
	 * Whether an item is about a member who may be at risk, so that its card offers the
	 * crisis actions and never a warning.
	 * @param item the item
	 * @return true for an urgent escalation and a "please look" item
	 */
	public static boolean atRisk(Item item) {
		return item.kind() == Kind.ESCALATED || item.kind() == Kind.LOOK;
	}

	/**
	 * Closes the item, and every other open item about its message, with its outcome; the
	 * resolution is {@code OUTCOME_} and the outcome's name.
	 * @param item an open item about a member at risk
	 * @param actor who records it
	 * @param outcome how it ended
	 * @param note the facilitator's words for colleagues, possibly empty; never sent to
	 * the member
	 * @throws IllegalArgumentException when the item is not about a member at risk
	 */
	@Transactional
	public void recordOutcome(Item item, String actor, CrisisOutcome outcome, String note) {
		requireAtRisk(item);
		this.queue.resolve(item.issuer(), item.groupId(), item.messageId(), actor, "OUTCOME_" + outcome.name());
		String trimmed = note.strip();
		String cut = (trimmed.length() > MAX_NOTE) ? trimmed.substring(0, MAX_NOTE) : trimmed;
		this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), actor, "OUTCOME", item.author(),
				item.messageId(), outcome.words() + (cut.isEmpty() ? "" : ": " + cut)));
	}

	/**
	 * Hands the item to a colleague, who has it from now on.
	 * @param item an open item about a member at risk
	 * @param actor who hands it over
	 * @param colleague a staff member of the item's group
	 * @throws IllegalArgumentException when the item is not about a member at risk
	 */
	@Transactional
	public void handOver(Item item, String actor, String colleague) {
		requireAtRisk(item);
		this.queue.handOver(item, colleague);
		this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), actor, "HAND_OVER", item.author(),
				item.messageId(), "handed over to " + colleague));
	}

	/**
	 * Raises a "please look" item to an urgent escalation with the group's response time.
	 * @param item an open "please look" item
	 * @param actor who raises it
	 * @return whether it was raised (false when it no longer was an open "please look"
	 * item)
	 */
	@Transactional
	public boolean escalate(Item item, String actor) {
		if (item.kind() != Kind.LOOK) {
			return false;
		}
		boolean raised = this.queue.escalate(item, this.settings.inForce(item.issuer(), item.groupId()).responseTime());
		if (raised) {
			this.log.record(new ModerationLog.Entry(item.issuer(), item.groupId(), actor, "ESCALATE", item.author(),
					item.messageId(), "raised from please look"));
		}
		return raised;
	}

	private static void requireAtRisk(Item item) {
		if (!atRisk(item)) {
			throw new IllegalArgumentException(
					"Not about a member at risk: " + item.kind().name().toLowerCase(Locale.ROOT));
		}
	}

}
