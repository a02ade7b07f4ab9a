package org.kinship.realtime;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.chat.Chat;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Authorizes every inbound STOMP frame on the server. CONNECT needs a launched session
 * (the handshake carried its cookie; Spring's same-origin check on the handshake keeps
 * other sites' pages out); SUBSCRIBE is allowed to a group's topic only with a seat in
 * the group, to a group's review queue only for its staff, and to the member's own reply
 * queues; SEND only to the chat destinations, whose handlers check the seat again, and to
 * a broadcast's acknowledgement, whose handler checks that the member is a recipient.
 * Everything else is refused with an ERROR frame.
 */
@Component
class FrameAuthorization implements ChannelInterceptor {

	private static final Pattern GROUP_TOPIC = Pattern.compile("/topic/groups/([0-9]{1,18})(/activity|/controls)?");

	private static final Pattern REVIEW_TOPIC = Pattern.compile("/topic/review/([0-9]{1,18})");

	private static final Pattern CHAT_SEND = Pattern
		.compile("/app/groups/[0-9]{1,18}/(send|change|since|read|presence|typing)");

	private static final Pattern BROADCAST_SEND = Pattern.compile("/app/broadcasts/[0-9]{1,18}/acknowledge");

	private static final Set<String> OWN_QUEUES = Set.of("/user/queue/replies", "/user/queue/history",
			"/user/queue/notices", "/user/queue/broadcasts", "/user/queue/broadcast-acks");

	private final Chat chat;

	private final MessageChannel toClients;

	FrameAuthorization(Chat chat, @Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients) {
		this.chat = chat;
		this.toClients = toClients;
	}

	@Override
	public @org.jspecify.annotations.Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
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
			case SUBSCRIBE -> OWN_QUEUES.contains(destination) || followsGroup(principal, destination)
					|| moderatesGroup(principal, destination);
			case SEND -> CHAT_SEND.matcher(destination).matches() || BROADCAST_SEND.matcher(destination).matches();
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

	private void refuse(StompHeaderAccessor frame, String why) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(why);
		error.setSessionId(frame.getSessionId());
		if (frame.getReceipt() != null) {
			error.setReceiptId(frame.getReceipt());
		}
		this.toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	private boolean moderatesGroup(KinshipPrincipal principal, String destination) {
		Matcher topic = REVIEW_TOPIC.matcher(destination);
		return topic.matches() && this.chat.mayModerate(principal, Long.parseLong(topic.group(1)));
	}

	private boolean followsGroup(KinshipPrincipal principal, String destination) {
		Matcher topic = GROUP_TOPIC.matcher(destination);
		return topic.matches() && this.chat.mayFollow(principal, Long.parseLong(topic.group(1)));
	}

}
