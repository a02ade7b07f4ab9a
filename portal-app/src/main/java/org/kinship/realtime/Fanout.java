package org.kinship.realtime;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControlsChanged;
import org.kinship.chat.MessageChanged;
import org.kinship.chat.MessagePosted;
import org.kinship.moderation.EscalationRaised;
import org.kinship.moderation.ReviewQueueChanged;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.MimeType;

/**
 * Delivers each committed message to this node's subscribers at once, and hands it to the
 * other nodes when Redis fan-out is on. Runs after commit, so nothing is delivered that
 * could still roll back. Changes of a group's review queue reach the staff who have the
 * queue open the same way; they carry no message, only a signal to reload.
 */
@Component
class Fanout {

	private final SimpMessagingTemplate template;

	private final java.util.Optional<RedisFanout> redis;

	private final GroupDelivery groups;

	Fanout(SimpMessagingTemplate template, java.util.Optional<RedisFanout> redis, GroupDelivery groups) {
		this.template = template;
		this.redis = redis;
		this.groups = groups;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MessagePosted posted) {
		deliverHere(posted.message());
		this.redis.ifPresent((fanout) -> fanout.publish(posted.message()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MessageChanged changed) {
		deliverHere(changed.message());
		this.redis.ifPresent((fanout) -> fanout.publish(changed.message()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ReviewQueueChanged changed) {
		signal(new ReviewSignal(changed.groupId(), false));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(EscalationRaised raised) {
		signal(new ReviewSignal(raised.groupId(), true));
	}

	private void signal(ReviewSignal signal) {
		deliverHere(signal);
		this.redis.ifPresent((fanout) -> fanout.publish(signal));
	}

	void deliverHere(ReviewSignal signal) {
		this.template.convertAndSend("/topic/review/" + signal.groupId(), signal);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(GroupControlsChanged changed) {
		deliverHere(changed);
		this.redis.ifPresent((fanout) -> fanout.publish(changed));
	}

	/**
	 * Tells a group's open pages on this node that its controls changed; each page asks
	 * for them again, since what a page shows depends on who looks at it.
	 */
	void deliverHere(GroupControlsChanged changed) {
		this.template.convertAndSend("/topic/groups/" + changed.groupId() + "/controls", changed);
	}

	/**
	 * Delivers a message to its group's open pages on this node, its frame encoded once
	 * for all of them and written by the delivery threads ({@link GroupDelivery}).
	 */
	void deliverHere(ChatMessage message) {
		String destination = "/topic/groups/" + message.groupId();
		Message<?> converted = this.template.getMessageConverter().toMessage(message, null);
		MimeType contentType = (converted != null)
				? converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class) : null;
		if (converted == null || !(converted.getPayload() instanceof byte[] json) || contentType == null) {
			throw new IllegalStateException("A chat message could not be written as JSON");
		}
		this.groups.deliver(destination, new EncodedMessage(destination, json, contentType));
	}

}
