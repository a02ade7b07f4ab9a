package org.kinship.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.MimeType;

/**
 * A message to a group's topic (or to every open page of some members: a broadcast),
 * encoded as a STOMP MESSAGE frame once for all of the pages rather than once for each.
 * Spring's STOMP handler builds headers, encodes the frame and makes a string of it for
 * every socket; at 200 pages in a group that was half of what sending cost. Frames differ
 * only in the {@code subscription} header, which pages choose themselves and mostly
 * choose alike, so one frame is kept per subscription id. The {@code message-id} is this
 * node's own for the message, the same for every page. The frame's bytes go out as they
 * are, in a binary WebSocket message ({@link GroupDelivery}): a text message would be
 * encoded from a string again for every page, which was a third of what writing it cost.
 */
final class EncodedMessage {

	private static final StompEncoder ENCODER = new StompEncoder();

	private static final AtomicLong IDS = new AtomicLong();

	private final String destination;

	private final byte[] payload;

	private final MimeType contentType;

	private final String messageId;

	private final Map<String, byte[]> bySubscription = new ConcurrentHashMap<>(4);

	EncodedMessage(String destination, byte[] payload, MimeType contentType) {
		this.destination = destination;
		this.payload = payload;
		this.contentType = contentType;
		this.messageId = "k-" + Long.toString(IDS.incrementAndGet(), 36);
	}

	/**
	 * The frame for one subscription.
	 * @param subscriptionId the page's id for its subscription to the topic
	 * @return the frame's bytes, ready to send; not to be changed
	 */
	byte[] frameFor(String subscriptionId) {
		return this.bySubscription.computeIfAbsent(subscriptionId, this::encode);
	}

	private byte[] encode(String subscriptionId) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
		headers.setDestination(this.destination);
		headers.setContentType(this.contentType);
		headers.setSubscriptionId(subscriptionId);
		headers.setMessageId(this.messageId);
		return ENCODER.encode(headers.getMessageHeaders(), this.payload);
	}

	@Override
	public String toString() {
		// a message's text stays out of logs
		return "EncodedMessage[" + this.destination + ", " + this.payload.length + " bytes]";
	}

}
