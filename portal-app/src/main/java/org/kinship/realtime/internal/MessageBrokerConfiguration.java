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
 * configured by {@link WebSocketConfiguration}, with one change: the decorator Spring's
 * handler puts on each socket, so that its own frames (replies, broker messages, ERROR
 * frames) take turns, is a {@link SendsBeforeClose} too. An ERROR frame waiting behind a
 * reply still being written then goes out before the close that follows it. Spring's
 * handler keeps a decorator of its own: it releases the socket's next frame in
 * publication order from it, which the group messages {@link GroupDelivery} writes beside
 * it must not do.
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
