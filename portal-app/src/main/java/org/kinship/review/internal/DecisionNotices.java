package org.kinship.review.internal;

import org.kinship.realtime.LivePages;
import org.kinship.review.AuthorToldOfDecision;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a member on their open pages at this node what a facilitator decided about their
 * message, on {@code /user/queue/notices}. A member who is not online reads it among the
 * decisions about their own posts.
 */
@Component
class DecisionNotices {

	static final String QUEUE = "/queue/notices";

	private final LivePages pages;

	DecisionNotices(LivePages pages) {
		this.pages = pages;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(AuthorToldOfDecision decision) {
		this.pages.toUser(decision.issuerKey() + "|" + decision.author(), QUEUE,
				new Notice(decision.groupId(), decision.decision(), decision.reason()));
	}

	/**
	 * What the member's page receives.
	 *
	 * @param groupId the group
	 * @param decision what was decided
	 * @param reason the facilitator's words, possibly empty
	 */
	record Notice(long groupId, String decision, String reason) {
	}

}
