package org.kinship.realtime.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames that say what went wrong in words a member's client can show, never a
 * class name or a stack trace.
 */
class ClearErrors extends StompSubProtocolErrorHandler {

	@Override
	public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage,
			Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(explain(ex));
		error.setLeaveMutable(true);
		if (clientMessage != null) {
			StompHeaderAccessor frame = StompHeaderAccessor.wrap(clientMessage);
			if (frame.getReceipt() != null) {
				error.setReceiptId(frame.getReceipt());
			}
		}
		return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
	}

	private static String explain(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AccessDeniedException) {
				return "You can only follow groups you belong to, and only from a launched session.";
			}
		}
		return "That frame could not be understood.";
	}

}
