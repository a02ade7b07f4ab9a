package org.kinship.review.internal;

import org.kinship.moderation.MemberSanctioned;
import org.kinship.moderation.Sanctions;
import org.kinship.realtime.LivePages;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;

/**
 * Ends what a suspended or banned member's open connections still receive: their sockets
 * on this node close, and the page, reloaded, says why; a new SUBSCRIBE to the group is
 * refused. A mute leaves the member reading.
 */
@Component
class SanctionedSockets {

	/** Close code for a socket whose member was suspended or banned. */
	static final CloseStatus KEPT_OUT = new CloseStatus(4003, "Kept out of the group");

	private final LivePages pages;

	SanctionedSockets(LivePages pages) {
		this.pages = pages;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MemberSanctioned sanctioned) {
		if (sanctioned.kind() != Sanctions.Kind.MUTE) {
			this.pages.disconnect(sanctioned.issuer(), sanctioned.member(), KEPT_OUT);
		}
	}

}
