package org.kinship.realtime.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP messaging as {@code @EnableWebSocketMessageBroker} sets it up,
 * configured by {@link WebSocketConfiguration}, with one change: every socket takes its
 * frames in the turns of {@link SendsBeforeClose} alone. Spring's handler would put a
 * second decorator of its own on each socket, so that a frame from its threads (a reply,
 * an ERROR frame) took turns with its other frames but not with the group messages
 * {@link GroupDelivery} writes, and a close from one layer dropped what the other still
 * had waiting.
 */
@Configuration(proxyBeanMethods = false)
class MessageBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	@Bean
	@Override
	public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
			AbstractSubscribableChannel clientOutboundChannel) {
		return new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {

			@Override
			protected WebSocketSession decorateSession(WebSocketSession session) {
				return new SendsBeforeClose(session, getSendTimeLimit(), getSendBufferSizeLimit());
			}

		};
	}

}
