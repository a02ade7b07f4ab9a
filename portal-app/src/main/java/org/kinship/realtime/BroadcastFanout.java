package org.kinship.realtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.kinship.broadcast.BroadcastSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Broadcasts to other nodes through Redis pub/sub, on a channel of their own beside
 * chat's ({@code kinship.realtime.channel} followed by {@code :broadcasts}). Only the
 * broadcast travels, never its recipients: each node asks the database which of its own
 * online members are recipients. A node that misses a publication loses nothing, since
 * its members find the broadcast at their next page.
 */
@Component
@ConditionalOnProperty(name = "kinship.realtime.redis-fanout", havingValue = "true")
class BroadcastFanout implements MessageListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BroadcastFanout.class);

	private final StringRedisTemplate redis;

	private final RealtimeProperties properties;

	private final JsonMapper json;

	private final BroadcastDelivery local;

	private final RedisMessageListenerContainer subscription;

	private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), (task, executor) -> log.warn("Cross-node broadcast queue full"));

	BroadcastFanout(RedisConnectionFactory connections, StringRedisTemplate redis, RealtimeProperties properties,
			JsonMapper json, @Lazy BroadcastDelivery local) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.local = local;
		this.subscription = new RedisMessageListenerContainer();
		this.subscription.setConnectionFactory(connections);
		this.subscription.setRecoveryInterval(1000L);
		this.subscription.addMessageListener(this, new ChannelTopic(channel()));
		this.subscription.afterPropertiesSet();
		this.subscription.start();
	}

	private String channel() {
		return this.properties.channel() + ":broadcasts";
	}

	void publish(BroadcastSent sent) {
		String payload = this.json.writeValueAsString(new Envelope(this.properties.node(), sent));
		this.publisher.execute(() -> {
			try {
				this.redis.convertAndSend(channel(), payload);
			}
			catch (RuntimeException ex) {
				log.warn("Redis did not take a broadcast for other nodes ({}); their members see it at their next page",
						ex.getClass().getSimpleName());
			}
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		Envelope envelope = this.json.readValue(message.getBody(), Envelope.class);
		if (!this.properties.node().equals(envelope.origin())) {
			this.local.deliverHere(envelope.broadcast());
		}
	}

	@Override
	public void destroy() throws Exception {
		this.publisher.shutdownNow();
		this.subscription.stop();
		this.subscription.destroy();
	}

	/**
	 * A broadcast on the channel, with the node it came from.
	 *
	 * @param origin the publishing node
	 * @param broadcast the broadcast
	 */
	record Envelope(String origin, BroadcastSent broadcast) {
	}

}
