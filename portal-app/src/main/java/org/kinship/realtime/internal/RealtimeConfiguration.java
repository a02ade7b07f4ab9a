package org.kinship.realtime.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.kinship.realtime.DestinationRule;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.context.MessageSource;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.support.AbstractSubscribableChannel;

/**
 * The threads of real-time delivery, and what joins the pieces: the Redis relay and its
 * listener container, and the authorization of inbound frames. Every thread the module
 * runs is made here, named, and stopped with the application.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {

	private static final String REDIS_FANOUT = "kinship.realtime.redis-fanout";

	private static final Logger log = LoggerFactory.getLogger(RealtimeConfiguration.class);

	/**
	 * Checks every inbound frame against the features' {@link DestinationRule}s. Put on
	 * the inbound channel here, once both channels exist, rather than registered while
	 * the channels are made: it answers refused frames on the outbound channel, which is
	 * made after the inbound one.
	 * @return the authorization
	 */
	@Bean
	FrameAuthorization frameAuthorization(List<DestinationRule> rules,
			@Qualifier("clientInboundChannel") AbstractSubscribableChannel fromClients,
			@Qualifier("clientOutboundChannel") MessageChannel toClients,
			@Qualifier("brokerMessagingTemplate") SimpMessageSendingOperations toUsers, MessageSource messages) {
		FrameAuthorization authorization = new FrameAuthorization(rules, toClients, toUsers, messages);
		fromClients.addInterceptor(0, authorization);
		// first of all, so that a refusal's log line carries the frame's id too
		fromClients.addInterceptor(0, new FrameCorrelation());
		return authorization;
	}

	/**
	 * The open sockets of this node, as the {@code kinship.sockets.open} gauge.
	 * @return the binder Spring Boot registers the gauge with
	 */
	@Bean
	MeterBinder openSockets(SessionSockets sockets) {
		return (registry) -> Gauge.builder("kinship.sockets.open", sockets, SessionSockets::count)
			.description("Open STOMP sockets of this node")
			.register(registry);
	}

	/**
	 * Answers every handled frame that asks for a receipt; put on the inbound channel for
	 * the same reason as {@link #frameAuthorization}.
	 * @return the receipts
	 */
	@Bean
	Receipts receipts(@Qualifier("clientInboundChannel") AbstractSubscribableChannel fromClients,
			@Qualifier("clientOutboundChannel") MessageChannel toClients) {
		Receipts receipts = new Receipts(toClients);
		fromClients.addInterceptor(receipts);
		return receipts;
	}

	/**
	 * The node's STOMP heart-beats to its pages, a slot of them every tick, written by
	 * the delivery threads; put on the outbound channel to tell each page they come.
	 * @return the heart-beats, started
	 */
	@Bean
	Heartbeats heartbeats(SessionSockets sockets, GroupDelivery delivery, RealtimeProperties properties,
			@Qualifier("clientOutboundChannel") AbstractSubscribableChannel toClients,
			@Qualifier("realtimeScheduler") ScheduledExecutorService realtimeScheduler) {
		Heartbeats heartbeats = new Heartbeats(sockets, delivery, properties.heartbeat());
		toClients.addInterceptor(heartbeats);
		long tick = Heartbeats.TICK.toMillis();
		realtimeScheduler.scheduleAtFixedRate(heartbeats::tick, tick, tick, TimeUnit.MILLISECONDS);
		return heartbeats;
	}

	/**
	 * Realtime's timed work: STOMP heart-beats (the broker's check that pages send
	 * theirs, and {@link Heartbeats}) and, with Redis fan-out, leaving a topic's channel
	 * once its linger is over. A scheduled executor rather than a task scheduler bean, so
	 * that {@code @Scheduled} work keeps the broker's scheduler it found alone.
	 * @return one thread
	 */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService realtimeScheduler() {
		return Executors.newSingleThreadScheduledExecutor(named("kinship-realtime-scheduler-", 1, false));
	}

	/**
	 * Writes group messages to open pages ({@link GroupDelivery}), each thread its share
	 * of the pages.
	 * @return as many threads as {@link GroupDelivery#THREADS}
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService groupDeliveryThreads() {
		return Executors.newFixedThreadPool(GroupDelivery.THREADS, named("kinship-group-delivery-", 0, true));
	}

	/**
	 * Publishes to Redis: one thread, so messages leave in the order they were committed,
	 * and a bounded queue, so a Redis that does not answer costs memory only up to a
	 * point (clients catch up from the database).
	 * @return one thread
	 */
	@Bean(destroyMethod = "shutdownNow")
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	ExecutorService redisPublisher() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
				named("kinship-redis-publisher-", 1, true),
				(task, executor) -> log.warn("Cross-node queue full; clients catch up"));
	}

	/**
	 * Reads from Redis: one thread, so that messages from Redis are handled in the order
	 * they came (the container's default starts a thread for each message).
	 * @return one thread
	 */
	@Bean(destroyMethod = "shutdownNow")
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	ExecutorService redisReceiver() {
		return Executors.newSingleThreadExecutor(named("kinship-redis-receiver", -1, true));
	}

	@Bean
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	Relay redisFanout(StringRedisTemplate redis, RealtimeProperties properties, JsonMapper json,
			@Qualifier("redisPublisher") ExecutorService redisPublisher) {
		return new RedisFanout(redis, properties, json, redisPublisher);
	}

	/**
	 * Reads what other nodes send, on the node-wide channel and on the followed topics'.
	 * @return the receiver
	 */
	@Bean
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	RelayReceiver relayReceiver(RealtimeProperties properties, JsonMapper json, List<RelayHandler<?>> handlers) {
		return new RelayReceiver(json, properties.node(), handlers);
	}

	/**
	 * The node's one connection for subscriptions: the node-wide channel from the start,
	 * and the channels of the topics its pages follow ({@link TopicChannels}) as they
	 * come and go.
	 * @return the container, started with the application
	 */
	@Bean
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	RedisMessageListenerContainer redisSubscription(RedisConnectionFactory connections, RealtimeProperties properties,
			RelayReceiver relayReceiver, @Qualifier("redisReceiver") ExecutorService redisReceiver) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(redisReceiver);
		container.setRecoveryInterval(1000L);
		container.addMessageListener(relayReceiver, new ChannelTopic(properties.channel()));
		return container;
	}

	/**
	 * Subscribes the node to the channels of the topics its pages follow, and to no
	 * other.
	 * @return the topics' channels, told of every subscription
	 */
	@Bean
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "true")
	TopicChannels topicChannels(RedisMessageListenerContainer redisSubscription, RelayReceiver relayReceiver,
			RealtimeProperties properties, ExactSubscriptions subscriptions,
			@Qualifier("realtimeScheduler") ScheduledExecutorService realtimeScheduler) {
		TopicChannels channels = new TopicChannels(redisSubscription, properties.channel(), properties.topicLinger(),
				realtimeScheduler, relayReceiver);
		subscriptions.watch(channels);
		return channels;
	}

	/**
	 * With Redis fan-out off this node is the only one, and nothing is relayed.
	 * @return a relay that sends nothing
	 */
	@Bean
	@ConditionalOnProperty(name = REDIS_FANOUT, havingValue = "false", matchIfMissing = true)
	Relay singleNode() {
		return new Relay() {

			@Override
			public void toOtherNodes(String type, Object payload) {
			}

			@Override
			public void toFollowersOf(String topic, String type, Object payload) {
			}

		};
	}

	/**
	 * Names threads {@code prefix + n} from {@code first}, or {@code prefix} alone when
	 * {@code first} is negative.
	 */
	private static ThreadFactory named(String prefix, int first, boolean daemon) {
		AtomicInteger next = new AtomicInteger(Math.max(first, 0));
		return (task) -> {
			Thread thread = new Thread(task, (first < 0) ? prefix : prefix + next.getAndIncrement());
			thread.setDaemon(daemon);
			return thread;
		};
	}

}
