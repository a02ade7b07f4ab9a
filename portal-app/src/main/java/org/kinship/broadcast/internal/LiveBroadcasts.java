package org.kinship.broadcast.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kinship.broadcast.BroadcastSent;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Presence;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes each committed broadcast to its recipients who are online at this node, on
 * {@code /user/queue/broadcasts}, records that it reached them, and relays it to the
 * other nodes, which do the same for their own members. Only the broadcast travels, never
 * its recipients: each node asks the database which of its online members are recipients,
 * and a node that misses it loses nothing, since its members find it at their next page.
 * Runs after commit, on a thread of its own: nothing is pushed that could still roll
 * back.
 */
@Configuration(proxyBeanMethods = false)
class LiveBroadcasts {

	static final String QUEUE = "/queue/broadcasts";

	static final String SENT = "broadcast.sent";

	private static final Logger log = LoggerFactory.getLogger(LiveBroadcasts.class);

	private final LivePages pages;

	private final Presence presence;

	private final RecipientStore recipients;

	private final Relay relay;

	private final ExecutorService pushing;

	LiveBroadcasts(LivePages pages, Presence presence, RecipientStore recipients, Relay relay,
			@Qualifier("broadcastPush") ExecutorService pushing) {
		this.pages = pages;
		this.presence = presence;
		this.recipients = recipients;
		this.relay = relay;
		this.pushing = pushing;
	}

	/**
	 * Pushes broadcasts to pages: off the sender's request, so the manager's page answers
	 * once the broadcast is stored, and off the thread that reads other nodes' messages,
	 * so chat from other nodes does not wait behind it; one thread, so broadcasts reach
	 * pages in the order they were sent.
	 * @return one thread
	 */
	@Bean(destroyMethod = "shutdown")
	static ExecutorService broadcastPush() {
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "kinship-broadcast-push");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	RelayHandler<BroadcastSent> broadcastsFromOtherNodes() {
		return RelayHandler.of(SENT, BroadcastSent.class, this::pushLater);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(BroadcastSent sent) {
		pushLater(sent);
		this.relay.toOtherNodes(SENT, sent);
	}

	void pushLater(BroadcastSent sent) {
		this.pushing.execute(() -> {
			try {
				deliverHere(sent);
			}
			catch (RuntimeException ex) {
				// the recipients find it at their next page
				log.warn("Broadcast {} not pushed live ({})", sent.id(), ex.getClass().getSimpleName());
			}
		});
	}

	/**
	 * Pushes a broadcast to its recipients with a page open at this node, and marks it
	 * delivered to them.
	 * @param sent the broadcast
	 * @return how many members it reached
	 */
	int deliverHere(BroadcastSent sent) {
		String prefix = sent.issuerKey() + "|";
		List<String> online = this.presence.usersOnlineHere(prefix);
		if (online.isEmpty()) {
			return 0;
		}
		List<String> reached = this.recipients.among(sent.id(), online);
		Notice notice = new Notice(sent.id(), sent.title(), sent.priority().name(), sent.bodyHtml(),
				sent.spanish().title(), sent.spanish().bodyHtml());
		this.pages.toEachPageOfAll(reached.stream().map((fhirUser) -> prefix + fhirUser).toList(), QUEUE, notice);
		this.recipients.delivered(sent.id(), reached, Instant.now());
		return reached.size();
	}

	/**
	 * What a member's page receives.
	 *
	 * @param id the broadcast
	 * @param title its title
	 * @param priority its priority
	 * @param bodyHtml its body, sanitized
	 * @param titleEs its title in Spanish, empty when there is none; the page shows it
	 * where it is in Spanish
	 * @param bodyHtmlEs its body in Spanish, sanitized
	 */
	record Notice(long id, String title, String priority, String bodyHtml, String titleEs, String bodyHtmlEs) {
	}

}
