package org.kinship.realtime.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames that say what went wrong in words a member's client can show, never a
 * class name or a stack trace: a frame over {@code kinship.realtime.max-frame-bytes} is
 * told so, with the limit. Spring's own line about such a frame (it names the socket and
 * quotes the frame) is kept out of the log by its level in {@code application.yml}; the
 * line written here names only the kind of failure.
 */
class ClearErrors extends StompSubProtocolErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ClearErrors.class);

	private final int maxFrameBytes;

	ClearErrors(int maxFrameBytes) {
		this.maxFrameBytes = maxFrameBytes;
	}

	@Override
	public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage,
			Throwable ex) {
		log.info("A client's frame was refused with an ERROR frame ({})", ex.getClass().getSimpleName());
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

	private String explain(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AccessDeniedException) {
				return "You can only follow groups you belong to, and only from a launched session.";
			}
			if (tooLarge(cause)) {
				return "That frame is too large: at most " + this.maxFrameBytes + " bytes.";
			}
		}
		return "That frame could not be understood.";
	}

	/**
	 * Spring's STOMP decoder says a frame is over the limit only in its exception's words
	 * ({@code BufferingStompDecoder}).
	 */
	private static boolean tooLarge(Throwable cause) {
		return cause instanceof StompConversionException && cause.getMessage() != null
				&& cause.getMessage().contains("size limit");
	}

}
