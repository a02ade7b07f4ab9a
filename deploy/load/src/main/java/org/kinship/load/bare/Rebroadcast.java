package org.kinship.load.bare;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * Passes each message on to its group's topic at once and answers the sender on its own
 * queue, in the same shapes as Kinship's chat, so that clients cannot tell the two apart.
 * Numbers come from memory; nothing is kept.
 */
@Controller
class Rebroadcast {

	private final SimpMessagingTemplate template;

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, AtomicLong> sequences = new ConcurrentHashMap<>();

	Rebroadcast(SimpMessagingTemplate template) {
		this.template = template;
	}

	@MessageMapping("/groups/{groupId}/send")
	@SendToUser(destinations = "/queue/replies", broadcast = false)
	Reply send(@DestinationVariable long groupId, @Payload Send send) {
		long seq = this.sequences.computeIfAbsent(groupId, (id) -> new AtomicLong()).incrementAndGet();
		Message message = new Message(this.ids.incrementAndGet(), groupId, seq, "Member", send.clientId(), send.text(),
				Instant.now());
		this.template.convertAndSend("/topic/groups/" + groupId, message);
		return new Reply(send.clientId(), "STORED", message, null);
	}

	/**
	 * A message as sent.
	 *
	 * @param clientId the sender's id for it
	 * @param text its text
	 */
	record Send(String clientId, String text) {
	}

	/**
	 * A message as passed on.
	 *
	 * @param id its number
	 * @param groupId the group
	 * @param seq its number in the group
	 * @param author who sent it
	 * @param clientId the sender's id for it
	 * @param html its text, as sent
	 * @param createdAt when it was passed on
	 */
	record Message(long id, long groupId, long seq, String author, String clientId, String html, Instant createdAt) {
	}

	/**
	 * The answer to the sender.
	 *
	 * @param clientId the sender's id for the message
	 * @param outcome always {@code STORED}
	 * @param message the message
	 * @param reason always {@code null}
	 */
	record Reply(String clientId, String outcome, Message message, @Nullable String reason) {
	}

}
