package org.kinship.realtime.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kinship.realtime.LivePages;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.web.socket.CloseStatus;

/**
 * Pushes through Spring's broker, except for busy topics, whose frames are encoded once
 * and written by {@link GroupDelivery}.
 */
@Component
class BrokerPages implements LivePages {

	private final SimpMessagingTemplate template;

	private final GroupDelivery groups;

	private final SimpUserRegistry users;

	private final SessionSockets sockets;

	BrokerPages(SimpMessagingTemplate template, GroupDelivery groups, SimpUserRegistry users, SessionSockets sockets) {
		this.template = template;
		this.groups = groups;
		this.users = users;
		this.sockets = sockets;
	}

	@Override
	public void toTopic(String destination, Object payload) {
		this.template.convertAndSend(destination, payload);
	}

	@Override
	public void toFollowers(String destination, Object payload) {
		deliver(destination, payload, null);
	}

	@Override
	public void toFollowers(String destination, Object payload, Instant storedAt) {
		deliver(destination, payload, storedAt);
	}

	private void deliver(String destination, Object payload, @Nullable Instant storedAt) {
		Message<?> converted = this.template.getMessageConverter().toMessage(payload, null);
		MimeType contentType = (converted != null)
				? converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class) : null;
		if (converted == null || !(converted.getPayload() instanceof byte[] json) || contentType == null) {
			throw new IllegalStateException("A payload could not be written as JSON");
		}
		this.groups.deliver(destination, new EncodedMessage(destination, json, contentType), storedAt);
	}

	@Override
	public void toUser(String user, String queue, Object payload) {
		this.template.convertAndSendToUser(user, queue, payload);
	}

	@Override
	public int toEachPageOf(String user, String queue, Object payload) {
		SimpUser online = this.users.getUser(user);
		if (online == null) {
			return 0;
		}
		int pages = 0;
		// one message per socket: sent to the user, a member with several pages open
		// got it on one of them only, the broker's ordered publication refusing the
		// copies for the others
		for (SimpSession session : online.getSessions()) {
			this.template.convertAndSendToUser(user, queue, payload, toSession(session.getId()));
			pages++;
		}
		return pages;
	}

	@Override
	public void disconnect(String issuer, String fhirUser, CloseStatus status) {
		this.sockets.closeOf(issuer, fhirUser, status);
	}

	private static MessageHeaders toSession(String sessionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		return headers.getMessageHeaders();
	}

}
