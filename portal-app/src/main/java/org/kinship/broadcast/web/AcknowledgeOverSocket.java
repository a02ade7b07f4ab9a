package org.kinship.broadcast.web;

import java.security.Principal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.SocketLocale;
import org.kinship.broadcast.Acknowledgement;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * "I have read this" over the page's own socket:
 * {@code /app/broadcasts/{id}/acknowledge}, answered on
 * {@code /user/queue/broadcast-acks} of that socket once the acknowledgement is
 * committed, or with the reason it was not. The inbound frame is not held while the batch
 * is written, so thousands of members pressing at once share a few commits. Pages without
 * a socket post the form instead.
 */
@Controller
class AcknowledgeOverSocket {

	static final String QUEUE = "/queue/broadcast-acks";

	private final BroadcastInbox inbox;

	private final SimpMessagingTemplate template;

	private final MessageSource messages;

	AcknowledgeOverSocket(BroadcastInbox inbox, SimpMessagingTemplate template, MessageSource messages) {
		this.inbox = inbox;
		this.template = template;
		this.messages = messages;
	}

	@MessageMapping("/broadcasts/{id}/acknowledge")
	void acknowledge(@DestinationVariable long id, Principal user, SimpMessageHeaderAccessor headers) {
		KinshipPrincipal principal = CurrentPrincipal.from(user)
			.orElseThrow(() -> new AccessDeniedException("Not launched"));
		String name = user.getName();
		String sessionId = headers.getSessionId();
		Locale locale = SocketLocale.of(headers.getSessionAttributes());
		this.inbox.acknowledgeLater(principal, id).whenComplete((outcome, failure) -> {
			Reply reply;
			if (failure != null) {
				reply = new Reply(id, "FAILED", text("broadcast.error.not-recorded", locale));
			}
			else if (outcome == Acknowledgement.NOT_RECIPIENT) {
				reply = new Reply(id, "NOT_FOUND", text("broadcast.error.not-found", locale));
			}
			else {
				reply = new Reply(id, "ACKNOWLEDGED", text("broadcast.acknowledged", locale));
			}
			this.template.convertAndSendToUser(name, QUEUE, reply, toSession(sessionId));
		});
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static MessageHeaders toSession(@Nullable String sessionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		return headers.getMessageHeaders();
	}

	/**
	 * The answer to a press.
	 *
	 * @param id the broadcast
	 * @param status {@code ACKNOWLEDGED} (now or before), {@code NOT_FOUND} or
	 * {@code FAILED} (not stored; press again)
	 * @param text what to tell the member, in their language
	 */
	record Reply(long id, String status, String text) {
	}

}
