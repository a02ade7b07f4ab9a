package org.kinship.review.internal;

import org.kinship.escalation.CareTeamAlertChanged;
import org.kinship.moderation.EscalationRaised;
import org.kinship.moderation.ReviewQueueChanged;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Changes of a group's review queue reach the staff who have the queue open, on every
 * node where the queue is open, after commit. They carry no message, only a signal to
 * reload.
 */
@Configuration(proxyBeanMethods = false)
class ReviewSignals {

	static final String SIGNAL = "review.signal";

	private final LivePages pages;

	private final Relay relay;

	ReviewSignals(LivePages pages, Relay relay) {
		this.pages = pages;
		this.relay = relay;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ReviewQueueChanged changed) {
		signal(new ReviewSignal(changed.groupId(), false));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CareTeamAlertChanged changed) {
		// the escalation's card shows whether the care team was told
		signal(new ReviewSignal(changed.groupId(), false));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(EscalationRaised raised) {
		signal(new ReviewSignal(raised.groupId(), true));
	}

	private void signal(ReviewSignal signal) {
		deliverHere(signal);
		this.relay.toFollowersOf(topicOf(signal), SIGNAL, signal);
	}

	void deliverHere(ReviewSignal signal) {
		this.pages.toTopic(topicOf(signal), signal);
	}

	private static String topicOf(ReviewSignal signal) {
		return "/topic/review/" + signal.groupId();
	}

	@Bean
	RelayHandler<ReviewSignal> signalsFromOtherNodes() {
		return RelayHandler.of(SIGNAL, ReviewSignal.class, this::deliverHere);
	}

}
