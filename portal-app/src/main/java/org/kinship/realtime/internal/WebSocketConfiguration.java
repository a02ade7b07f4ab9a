package org.kinship.realtime.internal;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.kinship.shared.SocketLocale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP over WebSocket at {@code /ws}, same origin only. {@code /app} goes to the
 * features' message handlers, {@code /topic/...} carries what many pages follow (a
 * group's messages, say) and {@code /user/queue/...} each member's own replies. Spring's
 * messaging itself is set up by {@link MessageBrokerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	/**
	 * Characters Tomcat decodes before handing a piece of a message on: a chat message
	 * frame of a few hundred characters arrives whole, one of 4,000 in two or three
	 * pieces.
	 */
	static final int TEXT_PIECE_CHARACTERS = 2048;

	/** Bytes Tomcat reads before decoding them or handing them on. */
	static final int BINARY_PIECE_BYTES = 1024;

	/** Where frames for the features' message handlers are sent. */
	static final String APPLICATION_PREFIX = "/app";

	/** Where a member's own queues are followed. */
	static final String USER_PREFIX = "/user";

	private final RealtimeProperties properties;

	private final SessionSockets sockets;

	private final ScheduledExecutorService heartbeats;

	WebSocketConfiguration(RealtimeProperties properties, SessionSockets sockets,
			@Qualifier("realtimeScheduler") ScheduledExecutorService heartbeats) {
		this.properties = properties;
		this.sockets = sockets;
		this.heartbeats = heartbeats;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		// frames are authorized by FrameAuthorization, put on the channel once both
		// channels exist (see RealtimeConfiguration).
		// A send holds its thread while it waits on the database (its queries, the
		// group's row lock, the commit); Spring's default of two threads per processor
		// let four sends at a time through and queued the rest
		registration.taskExecutor()
			.corePoolSize(this.properties.inboundThreads())
			.maxPoolSize(this.properties.inboundThreads());
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws").addInterceptors(new HttpSessionHandshakeInterceptor(), new PageLocale());
		registry.setErrorHandler(new ClearErrors(this.properties.maxFrameBytes()));
		// a client's frames are handled in the order sent, so a catch-up sent after a
		// SUBSCRIBE sees everything the subscription will not
		registry.setPreserveReceiveOrder(true);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.properties.heartbeat().toMillis();
		// the broker asks pages for heart-beats and closes a page that stops sending
		// them; the node's own heart-beats come from Heartbeats, a few at a time, instead
		// of the broker's, all in one moment
		registry.enableSimpleBroker("/topic", "/queue")
			.setHeartbeatValue(new long[] { 0, heartbeat })
			.setTaskScheduler(new ConcurrentTaskScheduler(this.heartbeats));
		registry.setApplicationDestinationPrefixes(APPLICATION_PREFIX);
		// each member receives a group's messages in the order they were published
		registry.setPreservePublishOrder(true);
		registry.setUserDestinationPrefix(USER_PREFIX);
	}

	/**
	 * Gives the broker subscriptions looked up by exact destination (see
	 * {@link ExactSubscriptions}) before it starts.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor brokerSubscriptions(ObjectProvider<ExactSubscriptions> subscriptions) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleBrokerMessageHandler broker) {
					broker.setSubscriptionRegistry(subscriptions.getObject());
				}
				return bean;
			}

		};
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(this.properties.maxFrameBytes())
			.setSendBufferSizeLimit(SessionSockets.SEND_BUFFER_BYTES)
			.setSendTimeLimit(SessionSockets.SEND_TIME_LIMIT_MILLIS)
			.addDecoratorFactory(FramesInPieces::new)
			.addDecoratorFactory(this.sockets::decorate);
	}

	/**
	 * Tomcat's read buffers for each socket's incoming messages, held for as long as the
	 * socket is open: what an idle member costs most. By default a socket keeps 8 KB of
	 * bytes plus 16,640 characters (33 KB, the size Spring grows it to for STOMP), about
	 * 94 KB of heap per connection in all as {@code deploy/bench/chat-load} measures it.
	 * With messages taken in pieces (see {@link FramesInPieces}) these buffers are only
	 * the size of a piece, and frames up to {@code kinship.realtime.max-frame-bytes} are
	 * joined by the STOMP decoder instead. Applied where a servlet container serves
	 * WebSockets; a mock servlet context (tests of pages alone) has none, and nothing is
	 * set there.
	 * @return the container settings
	 */
	@Bean
	org.springframework.web.context.ServletContextAware socketReadBuffers() {
		return (servletContext) -> {
			if (servletContext.getAttribute("jakarta.websocket.server.ServerContainer") != null) {
				ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
				container.setMaxTextMessageBufferSize(TEXT_PIECE_CHARACTERS);
				container.setMaxBinaryMessageBufferSize(BINARY_PIECE_BYTES);
				container.setServletContext(servletContext);
				container.afterPropertiesSet();
			}
		};
	}

	/** Keeps the page's language for refusals sent over the socket. */
	private static final class PageLocale implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Map<String, Object> attributes) {
			if (request instanceof ServletServerHttpRequest servlet) {
				attributes.put(SocketLocale.ATTRIBUTE, RequestContextUtils.getLocale(servlet.getServletRequest()));
			}
			else {
				attributes.put(SocketLocale.ATTRIBUTE, LocaleContextHolder.getLocale());
			}
			return true;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Exception exception) {
		}

	}

}
