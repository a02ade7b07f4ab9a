package org.kinship.realtime.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.CorrelationId;
import org.slf4j.MDC;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

/**
 * Gives every inbound STOMP frame a correlation id in the logs and the audit log (MDC
 * {@value CorrelationId#KEY}), as {@link CorrelationId} gives every HTTP request: while
 * the frame is authorized on the socket's thread and while each handler takes it on the
 * inbound threads. A client's own id, sent in a {@code correlation-id} header, is kept
 * when it is safe to log; otherwise the frame's message id is used, the same for every
 * handler of the frame.
 */
final class FrameCorrelation implements ExecutorChannelInterceptor {

	/** The STOMP header that brings a client's own id. */
	static final String HEADER = "correlation-id";

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		MDC.put(CorrelationId.KEY, idOf(message));
		return message;
	}

	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, @Nullable Exception ex) {
		MDC.remove(CorrelationId.KEY);
	}

	@Override
	public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
		MDC.put(CorrelationId.KEY, idOf(message));
		return message;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			@Nullable Exception ex) {
		MDC.remove(CorrelationId.KEY);
	}

	static String idOf(Message<?> message) {
		String incoming = StompHeaderAccessor.wrap(message).getFirstNativeHeader(HEADER);
		if (incoming != null) {
			return CorrelationId.accept(incoming);
		}
		UUID id = message.getHeaders().getId();
		return (id != null) ? id.toString() : CorrelationId.accept(null);
	}

}
