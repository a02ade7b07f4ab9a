package org.kinship.realtime.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Sends a STOMP RECEIPT for every client frame that asks for one, once the frame has been
 * handled: a SEND to {@code /app} once its handler has returned (and its answer, if any,
 * is on its way), a SUBSCRIBE once the subscription is registered, an UNSUBSCRIBE once it
 * is gone. Kinship's broker (Spring's simple broker, with {@link ExactSubscriptions})
 * sends no receipts of its own. A frame refused by {@link FrameAuthorization} never
 * reaches a handler and gets no RECEIPT: its answer is the refusal on the reply queue,
 * which names the receipt.
 * <p>
 * Every handler subscribed to the inbound channel sees every frame; the RECEIPT is sent
 * after the one handler that does the frame's work. It says that the frame was handled,
 * not that its answer (a reply, a catch-up) has reached the client: those travel through
 * the broker's own queue for the socket and may arrive just before or just after it.
 */
class Receipts implements ExecutorChannelInterceptor {

	private final MessageChannel toClients;

	Receipts(MessageChannel toClients) {
		this.toClients = toClients;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			@Nullable Exception ex) {
		StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (frame == null || frame.getReceipt() == null || frame.getSessionId() == null
				|| !doesTheWork(frame, handler)) {
			return;
		}
		StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receipt.setReceiptId(frame.getReceipt());
		receipt.setSessionId(frame.getSessionId());
		this.toClients.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
	}

	private static boolean doesTheWork(StompHeaderAccessor frame, MessageHandler handler) {
		StompCommand command = frame.getCommand();
		String destination = (frame.getDestination() != null) ? frame.getDestination() : "";
		if (command == StompCommand.SEND && destination.startsWith(WebSocketConfiguration.APPLICATION_PREFIX + "/")) {
			return handler instanceof SimpAnnotationMethodMessageHandler;
		}
		if (command == StompCommand.SUBSCRIBE && destination.startsWith(WebSocketConfiguration.USER_PREFIX + "/")) {
			// the user destination handler resolves it and hands it to the broker, which
			// registers it before the handler returns (the broker channel is synchronous)
			return handler instanceof UserDestinationMessageHandler;
		}
		if (command == StompCommand.SEND || command == StompCommand.SUBSCRIBE || command == StompCommand.UNSUBSCRIBE) {
			return handler instanceof AbstractBrokerMessageHandler;
		}
		return false;
	}

}
