package org.kinship.conversations.internal;

import org.kinship.conversations.PrivateMessage;
import org.kinship.conversations.PrivateMessageWritten;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A message written in a private conversation reaches the pages that have the
 * conversation open, on every node, after commit; a message to a member also reaches
 * their other open pages as a notice, so that they see at once that someone wrote to
 * them. Pages that missed a message read the conversation again on reconnect.
 */
@Configuration(proxyBeanMethods = false)
class LiveConversations {

	/** The topic of one conversation's open pages. */
	static final String TOPIC = "/topic/conversations/";

	/** The member's queue of notices of new messages from staff. */
	static final String NOTICES = "/queue/conversations";

	static final String RELAYED = "conversations.message";

	private final LivePages pages;

	private final Relay relay;

	LiveConversations(LivePages pages, Relay relay) {
		this.pages = pages;
		this.relay = relay;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(PrivateMessageWritten written) {
		deliverHere(written);
		this.relay.toOtherNodes(RELAYED, written);
	}

	void deliverHere(PrivateMessageWritten written) {
		PrivateMessage message = written.message();
		this.pages.toTopic(TOPIC + message.conversationId(), message);
		if (written.recipient() != null) {
			this.pages.toEachPageOf(written.issuerKey() + "|" + written.recipient(), NOTICES,
					new Nudge(message.conversationId()));
		}
	}

	@Bean
	RelayHandler<PrivateMessageWritten> conversationsFromOtherNodes() {
		return RelayHandler.of(RELAYED, PrivateMessageWritten.class, this::deliverHere);
	}

	/**
	 * What a member's pages receive when staff wrote to them: only which conversation.
	 *
	 * @param conversationId the conversation
	 */
	record Nudge(long conversationId) {
	}

}
