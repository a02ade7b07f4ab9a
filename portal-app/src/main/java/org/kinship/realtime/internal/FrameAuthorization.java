package org.kinship.realtime.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
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
 * check again what they need. Everything else is refused with an ERROR frame.
 */
class FrameAuthorization implements ChannelInterceptor {

	private final List<DestinationRule> rules;

	private final MessageChannel toClients;

	FrameAuthorization(List<DestinationRule> rules, MessageChannel toClients) {
		this.rules = List.copyOf(rules);
		this.toClients = toClients;
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
		if (principal == null) {
			refuse(frame, "Open Kinship from your portal first.");
			return null;
		}
		String destination = (frame.getDestination() != null) ? frame.getDestination() : "";
		boolean allowed = switch (command) {
			case CONNECT, STOMP -> true;
			case SUBSCRIBE -> anyRule((rule) -> rule.maySubscribe(principal, destination));
			case SEND -> anyRule((rule) -> rule.maySend(principal, destination));
			default -> false;
		};
		if (!allowed) {
			// frames are handled in order on an executor, so a thrown
			// exception would never reach the client: answer with the
			// ERROR frame here and drop the frame
			refuse(frame, "You can only follow groups you belong to.");
			return null;
		}
		return message;
	}

	private boolean anyRule(java.util.function.Predicate<DestinationRule> allows) {
		for (DestinationRule rule : this.rules) {
			if (allows.test(rule)) {
				return true;
			}
		}
		return false;
	}

	private void refuse(StompHeaderAccessor frame, String why) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(why);
		error.setSessionId(frame.getSessionId());
		if (frame.getReceipt() != null) {
			error.setReceiptId(frame.getReceipt());
		}
		this.toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

}
