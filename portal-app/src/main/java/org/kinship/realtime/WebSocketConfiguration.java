package org.kinship.realtime;

import java.util.Map;

import org.kinship.chat.Chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP over WebSocket at {@code /ws}, same origin only. {@code /app} goes to the chat
 * controllers, {@code /topic/groups/{id}} carries a group's messages and
 * {@code /user/queue/...} each member's own replies.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final RealtimeProperties properties;

	private final SessionSockets sockets;

	private final FrameAuthorization authorization;

	WebSocketConfiguration(RealtimeProperties properties, SessionSockets sockets, FrameAuthorization authorization) {
		this.properties = properties;
		this.sockets = sockets;
		this.authorization = authorization;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.authorization);
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws").addInterceptors(new HttpSessionHandshakeInterceptor(), new PageLocale());
		registry.setErrorHandler(new ClearErrors());
		// a client's frames are handled in the order sent, so a catch-up sent after a
		// SUBSCRIBE sees everything the subscription will not
		registry.setPreserveReceiveOrder(true);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
		heartbeats.setPoolSize(1);
		heartbeats.setThreadNamePrefix("stomp-heartbeat-");
		heartbeats.initialize();
		long heartbeat = this.properties.heartbeat().toMillis();
		registry.enableSimpleBroker("/topic", "/queue")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(heartbeats);
		registry.setApplicationDestinationPrefixes("/app");
		// each member receives a group's messages in the order they were published
		registry.setPreservePublishOrder(true);
		registry.setUserDestinationPrefix("/user");
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(this.properties.maxFrameBytes())
			.setSendBufferSizeLimit(512 * 1024)
			.setSendTimeLimit(10_000)
			.addDecoratorFactory(this.sockets::decorate);
	}

	/** Keeps the page's language for refusals sent over the socket. */
	private static final class PageLocale implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Map<String, Object> attributes) {
			if (request instanceof ServletServerHttpRequest servlet) {
				attributes.put(Chat.LOCALE_ATTRIBUTE, RequestContextUtils.getLocale(servlet.getServletRequest()));
			}
			else {
				attributes.put(Chat.LOCALE_ATTRIBUTE, LocaleContextHolder.getLocale());
			}
			return true;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Exception exception) {
		}

	}

}
