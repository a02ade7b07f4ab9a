package org.kinship.realtime.internal;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;
import org.kinship.shared.SocketLocale;
import org.kinship.shared.web.Reasons;

import org.springframework.context.MessageSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Authorizes every inbound STOMP frame on the server. CONNECT needs a launched session
 * (the handshake carried its cookie; Spring's same-origin check on the handshake keeps
 * other sites' pages out); SUBSCRIBE and SEND are let through only to a destination that
 * one of the features' {@link DestinationRule}s allows, and the destinations' handlers
 * check again what they need.
 * <p>
 * A refused SUBSCRIBE or SEND is dropped and answered on the socket's own
 * {@value #REPLIES} with the reason and the frame's {@code receipt}: a STOMP ERROR frame
 * would close the whole socket, and the page's other subscriptions with it. A frame of a
 * socket without a launch, or a command Kinship does not use (transactions,
 * acknowledgements), is answered with an ERROR frame, which ends the socket.
 */
class FrameAuthorization implements ChannelInterceptor {

	/** The queue every page with a socket listens to for answers to its own frames. */
	static final String REPLIES = "/queue/replies";

	private final List<DestinationRule> rules;

	private final MessageChannel toClients;

	private final SimpMessageSendingOperations toUsers;

	private final MessageSource messages;

	FrameAuthorization(List<DestinationRule> rules, MessageChannel toClients, SimpMessageSendingOperations toUsers,
			MessageSource messages) {
		this.rules = List.copyOf(rules);
		this.toClients = toClients;
		this.toUsers = toUsers;
		this.messages = messages;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (frame == null || frame.getCommand() == null) {
			return message;
		}
		StompCommand command = frame.getCommand();
		if (command == StompCommand.DISCONNECT || command == StompCommand.UNSUBSCRIBE) {
			return message;
		}
		KinshipPrincipal principal = CurrentPrincipal.from(frame.getUser()).orElse(null);
		if (principal == null || frame.getUser() == null) {
			error(frame, "Open Kinship from your portal first.");
			return null;
		}
		String destination = (frame.getDestination() != null) ? frame.getDestination() : "";
		switch (command) {
			case CONNECT, STOMP:
				return message;
			case SUBSCRIBE:
				return allowed(message, frame, anyRule((rule) -> rule.maySubscribe(principal, destination)),
						"socket.error.subscribe-refused");
			case SEND:
				return allowed(message, frame, anyRule((rule) -> rule.maySend(principal, destination)),
						"socket.error.send-refused");
			default:
				error(frame, "Kinship does not use " + command + " frames.");
				return null;
		}
	}

	private @Nullable Message<?> allowed(Message<?> message, StompHeaderAccessor frame, boolean allowed,
			String reasonKey) {
		if (allowed) {
			return message;
		}
		// frames are handled in order on an executor, so a thrown exception would never
		// reach the client: answer here and drop the frame
		String reason = Reasons.text(this.messages, SocketLocale.of(frame.getSessionAttributes()), reasonKey);
		this.toUsers.convertAndSendToUser(frame.getUser().getName(), REPLIES,
				new RefusedFrame("REFUSED", reason, frame.getReceipt()), toSession(frame.getSessionId()));
		return null;
	}

	private boolean anyRule(Predicate<DestinationRule> allows) {
		for (DestinationRule rule : this.rules) {
			if (allows.test(rule)) {
				return true;
			}
		}
		return false;
	}

	private void error(StompHeaderAccessor frame, String why) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(why);
		error.setSessionId(frame.getSessionId());
		if (frame.getReceipt() != null) {
			error.setReceiptId(frame.getReceipt());
		}
		this.toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	private static MessageHeaders toSession(@Nullable String sessionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		return headers.getMessageHeaders();
	}

	/**
	 * The answer to a refused frame, the same as a feature's refusal on
	 * {@value #REPLIES}.
	 *
	 * @param outcome always {@code REFUSED}
	 * @param reason why, in the member's language
	 * @param receipt the frame's {@code receipt} header, or {@code null} when it had none
	 */
	record RefusedFrame(String outcome, String reason, @Nullable String receipt) {
	}

}
