package org.kinship.shared.web;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.shared.SocketLocale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentTypeMismatchException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Answers every STOMP frame a handler refused, could not read or failed on, on the
 * sender's own {@value #REPLIES} of that socket, with the reason in the page's language
 * and the frame's {@code receipt} header when it had one. Without it Spring logs the
 * exception with the whole frame (session, its HTTP session id, user, payload) and the
 * page never hears back. Nothing of the frame is logged here either: only the kind of
 * failure. A handler that answers a refusal itself (a send, with the client's id) keeps
 * doing so.
 */
@ControllerAdvice
class FrameRefusals {

	/** The queue every page with a socket listens to for answers to its own frames. */
	static final String REPLIES = "/queue/replies";

	private static final String RECEIPT = "receipt";

	private static final Logger log = LoggerFactory.getLogger(FrameRefusals.class);

	private final MessageSource messages;

	FrameRefusals(MessageSource messages) {
		this.messages = messages;
	}

	@MessageExceptionHandler
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal refused(Refused refused, SimpMessageHeaderAccessor headers) {
		return FrameRefusal.of(Reasons.text(this.messages, SocketLocale.of(headers.getSessionAttributes()), refused),
				headers);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal forbidden(AccessDeniedException ex, SimpMessageHeaderAccessor headers) {
		return FrameRefusal.of(text(headers, "socket.error.forbidden"), headers);
	}

	/**
	 * Anything else a handler let out: the member hears that it did not work, the log the
	 * kind of failure, never its text (a database error quotes its statement, a messaging
	 * error the whole frame).
	 */
	@MessageExceptionHandler
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal failed(Exception ex, SimpMessageHeaderAccessor headers) {
		log.warn("A frame could not be handled ({})", ex.getClass().getName());
		return FrameRefusal.failed(text(headers, "socket.error.failed"), headers);
	}

	@MessageExceptionHandler({ MessageConversionException.class, MethodArgumentNotValidException.class,
			MethodArgumentTypeMismatchException.class })
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal unreadable(Exception ex, SimpMessageHeaderAccessor headers) {
		// the exception's text quotes the frame: its class is all that is logged
		log.info("A frame could not be read ({})", ex.getClass().getSimpleName());
		return FrameRefusal.of(text(headers, "socket.error.unreadable"), headers);
	}

	private String text(SimpMessageHeaderAccessor headers, String key) {
		return Reasons.text(this.messages, SocketLocale.of(headers.getSessionAttributes()), key);
	}

	/**
	 * The answer to a refused frame, read by the page as it reads a refused send.
	 *
	 * @param outcome {@code REFUSED}, or {@code FAILED} when the frame was fine but
	 * Kinship failed on it (try again)
	 * @param reason why, in the member's language
	 * @param receipt the frame's {@code receipt} header, or {@code null} when it had none
	 */
	record FrameRefusal(String outcome, String reason, @Nullable String receipt) {

		static FrameRefusal of(String reason, SimpMessageHeaderAccessor frame) {
			return new FrameRefusal("REFUSED", reason, frame.getFirstNativeHeader(RECEIPT));
		}

		static FrameRefusal failed(String reason, SimpMessageHeaderAccessor frame) {
			return new FrameRefusal("FAILED", reason, frame.getFirstNativeHeader(RECEIPT));
		}

	}

}
