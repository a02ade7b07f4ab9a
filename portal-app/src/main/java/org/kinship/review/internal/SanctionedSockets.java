package org.kinship.review.internal;

import org.kinship.moderation.MemberSanctioned;
import org.kinship.moderation.Sanctions;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;

/**
 * Ends what a suspended or banned member's open connections still receive: their sockets
 * close on this node at once, and on every other node as soon as the relay reaches it, so
 * that a member connected through another node behind the load balancer is kept out too;
 * the page, reloaded, says why, and a new SUBSCRIBE to the group is refused. A mute
 * leaves the member reading. Runs after commit, so nothing is closed for a sanction that
 * rolled back. A relay lost on its way (Redis down) leaves the member's sockets on other
 * nodes open, though every frame they send is still refused, since each is checked
 * against the sanctions in the database.
 */
@Configuration(proxyBeanMethods = false)
class SanctionedSockets {

	/** Close code for a socket whose member was suspended or banned. */
	static final CloseStatus KEPT_OUT = new CloseStatus(4003, "Kept out of the group");

	static final String TYPE = "review.kept-out";

	private final LivePages pages;

	private final Relay relay;

	SanctionedSockets(LivePages pages, Relay relay) {
		this.pages = pages;
		this.relay = relay;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MemberSanctioned sanctioned) {
		if (sanctioned.kind() != Sanctions.Kind.MUTE) {
			KeptOut keptOut = new KeptOut(sanctioned.issuer(), sanctioned.member());
			closeHere(keptOut);
			this.relay.toOtherNodes(TYPE, keptOut);
		}
	}

	/** Closes the member's sockets on this node. */
	void closeHere(KeptOut keptOut) {
		this.pages.disconnect(keptOut.issuer(), keptOut.member(), KEPT_OUT);
	}

	@Bean
	RelayHandler<KeptOut> keptOutOnOtherNodes() {
		return RelayHandler.of(TYPE, KeptOut.class, this::closeHere);
	}

	/**
	 * A member whose sockets every node closes: no reason, group or name travels, only
	 * who.
	 *
	 * @param issuer the health system
	 * @param member the member's {@code fhirUser}
	 */
	record KeptOut(String issuer, String member) {
	}

}
