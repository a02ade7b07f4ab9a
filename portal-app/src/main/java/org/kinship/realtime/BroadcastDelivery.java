package org.kinship.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.kinship.broadcast.BroadcastInbox;
import org.kinship.broadcast.BroadcastSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes each committed broadcast to its recipients who are online at this node, on
 * {@code /user/queue/broadcasts}, records that it reached them, and hands it to the other
 * nodes when Redis fan-out is on. Runs after commit, on a thread of its own: nothing is
 * pushed that could still roll back, and a member who misses it finds it at their next
 * page.
 */
@Component
class BroadcastDelivery {

	static final String QUEUE = "/queue/broadcasts";

	private static final Logger log = LoggerFactory.getLogger(BroadcastDelivery.class);

	private final SimpMessagingTemplate template;

	private final SimpUserRegistry users;

	private final BroadcastInbox inbox;

	private final java.util.Optional<RedisFanout> redis;

	private final ExecutorService pushing = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "kinship-broadcast-push");
		thread.setDaemon(true);
		return thread;
	});

	BroadcastDelivery(SimpMessagingTemplate template, SimpUserRegistry users, BroadcastInbox inbox,
			java.util.Optional<RedisFanout> redis) {
		this.template = template;
		this.users = users;
		this.inbox = inbox;
		this.redis = redis;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(BroadcastSent sent) {
		pushLater(sent);
		this.redis.ifPresent((fanout) -> fanout.publish(sent));
	}

	/**
	 * Pushes a broadcast to this node's online recipients on a thread of its own: off the
	 * sender's request, so the manager's page answers once the broadcast is stored, and
	 * off the Redis listener, so chat from other nodes does not wait behind it; one
	 * thread, so broadcasts reach pages in the order they were sent.
	 * @param sent the broadcast
	 */
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

	@PreDestroy
	void stop() {
		this.pushing.shutdown();
	}

	/**
	 * Pushes a broadcast to its recipients with a socket open at this node.
	 * @param sent the broadcast
	 * @return how many members it reached
	 */
	int deliverHere(BroadcastSent sent) {
		String prefix = sent.issuerKey() + "|";
		Map<String, SimpUser> online = new LinkedHashMap<>();
		for (SimpUser user : this.users.getUsers()) {
			if (user.getName().startsWith(prefix) && user.hasSessions()) {
				online.put(user.getName().substring(prefix.length()), user);
			}
		}
		if (online.isEmpty()) {
			return 0;
		}
		List<String> recipients = this.inbox.recipientsAmong(sent.id(), online.keySet());
		Notice notice = new Notice(sent.id(), sent.title(), sent.priority().name(), sent.bodyHtml());
		for (String fhirUser : recipients) {
			// one message per socket: sent to the user, a member with several pages open
			// got it on one of them only, the broker's ordered publication refusing the
			// copies for the others
			for (SimpSession session : online.get(fhirUser).getSessions()) {
				this.template.convertAndSendToUser(prefix + fhirUser, QUEUE, notice, toSession(session.getId()));
			}
		}
		this.inbox.delivered(sent.id(), recipients);
		return recipients.size();
	}

	private static MessageHeaders toSession(String sessionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		return headers.getMessageHeaders();
	}

	/**
	 * What a member's page receives.
	 *
	 * @param id the broadcast
	 * @param title its title
	 * @param priority its priority
	 * @param bodyHtml its body, sanitized
	 */
	record Notice(long id, String title, String priority, String bodyHtml) {
	}

}
