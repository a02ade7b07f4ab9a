package org.kinship.insights.internal;

import org.kinship.groups.MemberContentDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Withdraws a person's contribution and medicines when they delete their content, so that
 * the next refresh leaves them out of every aggregate.
 */
@Component
class ForgetContribution {

	private final InsightStore store;

	ForgetContribution(InsightStore store) {
		this.store = store;
	}

	@EventListener
	void on(MemberContentDeleted deleted) {
		this.store.withdraw(deleted.issuer(), deleted.fhirUser());
	}

}
