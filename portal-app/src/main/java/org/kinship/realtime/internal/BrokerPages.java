package org.kinship.realtime.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.realtime.LivePages;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.web.socket.CloseStatus;

/**
 * Pushes through Spring's broker, except for busy topics and what goes to every page of a
 * member (a broadcast, to every member online at once), whose frames are encoded once and
 * written by {@link GroupDelivery}. Through the broker, a broadcast to 2,000 open pages
 * was converted to JSON, routed and encoded 2,000 times, and its 2,000 messages queued at
 * once ahead of every reply waiting for the outbound threads.
 */
@Component
class BrokerPages implements LivePages {

	/**
	 * What Spring's user destinations add to a queue, with the socket's id, to name one
	 * page's subscription to it for the broker.
	 */
	static final String USER_SUFFIX = "-user";

	private final SimpMessagingTemplate template;

	private final GroupDelivery groups;

	private final SimpUserRegistry users;

	private final SessionSockets sockets;

	private final ExactSubscriptions subscriptions;

	BrokerPages(SimpMessagingTemplate template, GroupDelivery groups, SimpUserRegistry users, SessionSockets sockets,
			ExactSubscriptions subscriptions) {
		this.template = template;
		this.groups = groups;
		this.users = users;
		this.sockets = sockets;
		this.subscriptions = subscriptions;
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
		this.groups.deliver(destination, encode(destination, payload), storedAt);
	}

	private EncodedMessage encode(String destination, Object payload) {
		Message<?> converted = this.template.getMessageConverter().toMessage(payload, null);
		MimeType contentType = (converted != null)
				? converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class) : null;
		if (converted == null || !(converted.getPayload() instanceof byte[] json) || contentType == null) {
			throw new IllegalStateException("A payload could not be written as JSON");
		}
		return new EncodedMessage(destination, json, contentType);
	}

	@Override
	public void toUser(String user, String queue, Object payload) {
		this.template.convertAndSendToUser(user, queue, payload);
	}

	@Override
	public int toEachPageOfAll(Collection<String> users, String queue, Object payload) {
		// each page's subscription to the user queue, as Spring's user destinations name
		// it for the broker; one message per socket, so a member with several pages open
		// gets it on each
		Map<String, List<String>> pages = new LinkedHashMap<>();
		int sockets = 0;
		for (String user : users) {
			SimpUser online = this.users.getUser(user);
			if (online == null) {
				continue;
			}
			for (SimpSession session : online.getSessions()) {
				pages.putAll(this.subscriptions.subscribersOf(queue + USER_SUFFIX + session.getId()));
				sockets++;
			}
		}
		if (!pages.isEmpty()) {
			// the destination the page subscribed to, as Spring's STOMP handler writes it
			String destination = WebSocketConfiguration.USER_PREFIX + queue;
			this.groups.deliverTo(pages, encode(destination, payload), null);
		}
		return sockets;
	}

	@Override
	public void disconnect(String issuer, String fhirUser, CloseStatus status) {
		this.sockets.closeOf(issuer, fhirUser, status);
	}

}
