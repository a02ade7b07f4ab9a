package org.kinship.shared.web;

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
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Answers every STOMP frame a handler refused or could not read, on the sender's own
 * {@value #REPLIES} of that socket, with the reason in the page's language. Without it
 * Spring logs the exception with the whole frame (session, user, payload) and the page
 * never hears back. A handler that answers a refusal itself (a send, with the client's
 * id) keeps doing so.
 */
@ControllerAdvice
class FrameRefusals {

	/** The queue every page with a socket listens to for answers to its own frames. */
	static final String REPLIES = "/queue/replies";

	private static final Logger log = LoggerFactory.getLogger(FrameRefusals.class);

	private final MessageSource messages;

	FrameRefusals(MessageSource messages) {
		this.messages = messages;
	}

	@MessageExceptionHandler
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal refused(Refused refused, SimpMessageHeaderAccessor headers) {
		return FrameRefusal.of(Reasons.text(this.messages, SocketLocale.of(headers.getSessionAttributes()), refused));
	}

	@MessageExceptionHandler({ MessageConversionException.class, MethodArgumentNotValidException.class,
			MethodArgumentTypeMismatchException.class })
	@SendToUser(destinations = REPLIES, broadcast = false)
	FrameRefusal unreadable(Exception ex, SimpMessageHeaderAccessor headers) {
		// the exception's text quotes the frame: its class is all that is logged
		log.info("A frame could not be read ({})", ex.getClass().getSimpleName());
		return FrameRefusal.of(Reasons.text(this.messages, SocketLocale.of(headers.getSessionAttributes()),
				"socket.error.unreadable"));
	}

	/**
	 * The answer to a refused frame, read by the page as it reads a refused send.
	 *
	 * @param outcome always {@code REFUSED}
	 * @param reason why, in the member's language
	 */
	record FrameRefusal(String outcome, String reason) {

		static FrameRefusal of(String reason) {
			return new FrameRefusal("REFUSED", reason);
		}

	}

}
