package org.kinship.realtime;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * Sends a group's {@link EncodedMessage} to each page as its ready frame, on the broker's
 * outbound thread and in the page's order, instead of handing it to Spring's STOMP
 * handler to encode again for every socket. Every other message passes on unchanged. A
 * page too slow to take its frames is closed, as Spring closes it; its script reconnects
 * and catches up.
 */
@Component
class EncodedFrames implements ExecutorChannelInterceptor {

	private static final Logger log = LoggerFactory.getLogger(EncodedFrames.class);

	private final SessionSockets sockets;

	EncodedFrames(SessionSockets sockets) {
		this.sockets = sockets;
	}

	@Override
	public @Nullable Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
		if (!(message.getPayload() instanceof EncodedMessage encoded)) {
			return message;
		}
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		String subscriptionId = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
		WebSocketSession socket = (sessionId != null) ? this.sockets.socket(sessionId) : null;
		if (socket != null && subscriptionId != null) {
			send(socket, encoded, subscriptionId);
		}
		// handled: Spring's handler is not called. The broker keeps each page's messages
		// in
		// order by sending the next once this one is handled; the interceptor that would
		// say
		// so runs after this one, and is skipped, so this one says so itself (saying it
		// twice
		// is harmless: the task moves on only from the message it was made for)
		Runnable next = OrderedMessageChannelDecorator.getNextMessageTask(message);
		if (next != null) {
			next.run();
		}
		return null;
	}

	private static void send(WebSocketSession socket, EncodedMessage encoded, String subscriptionId) {
		try {
			socket.sendMessage(encoded.frameFor(subscriptionId));
		}
		catch (SessionLimitExceededException ex) {
			close(socket);
		}
		catch (IOException | IllegalStateException ex) {
			// the socket is closing; the page catches up when it reconnects
			log.debug("A group message did not reach a closing socket ({})", ex.getClass().getSimpleName());
		}
	}

	private static void close(WebSocketSession socket) {
		try {
			socket.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		catch (IOException ex) {
			// already gone
		}
	}

}
