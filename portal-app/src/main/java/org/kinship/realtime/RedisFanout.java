package org.kinship.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.BroadcastSent;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControlsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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
 * Cross-node delivery through Redis pub/sub: one subscription per node, not per member.
 * Pub/sub rather than streams because the database, not Redis, is what keeps messages: a
 * node that misses a publication (Redis down, a restart) loses nothing, since its clients
 * notice the gap in sequence numbers and catch up from the database. Publishing happens
 * off the sender's thread, so a slow or absent Redis never delays an acknowledgement.
 * Committed broadcasts travel on the same channel.
 */
@Component
@ConditionalOnProperty(name = "kinship.realtime.redis-fanout", havingValue = "true")
class RedisFanout implements MessageListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

	private final StringRedisTemplate redis;

	private final RealtimeProperties properties;

	private final JsonMapper json;

	private final Fanout local;

	private final BroadcastDelivery broadcasts;

	private final RedisMessageListenerContainer subscription;

	// one thread, so that messages from Redis are handled in the
	// order they came (the container's default starts a thread for
	// each message)
	private final ExecutorService receiver = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "kinship-redis-receiver");
		thread.setDaemon(true);
		return thread;
	});

	// how this node's own publications begin: Redis hands them back
	// too, and they are dropped before they are read
	private final byte[] ownPrefix;

	private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(10_000), (task, executor) -> log.warn("Cross-node queue full; clients catch up"));

	RedisFanout(RedisConnectionFactory connections, StringRedisTemplate redis, RealtimeProperties properties,
			JsonMapper json, @Lazy Fanout local, @Lazy BroadcastDelivery broadcasts) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.local = local;
		this.broadcasts = broadcasts;
		this.subscription = new RedisMessageListenerContainer();
		this.ownPrefix = prefixOf(json, properties.node());
		this.subscription.setConnectionFactory(connections);
		this.subscription.setTaskExecutor(this.receiver);
		this.subscription.setRecoveryInterval(1000L);
		this.subscription.addMessageListener(this, new ChannelTopic(properties.channel()));
		this.subscription.afterPropertiesSet();
		this.subscription.start();
	}

	void publish(ChatMessage message) {
		send(this.json.writeValueAsString(new Envelope(this.properties.node(), message, null, null, null)));
	}

	void publish(GroupControlsChanged changed) {
		send(this.json.writeValueAsString(new Envelope(this.properties.node(), null, changed, null, null)));
	}

	void publish(ReviewSignal signal) {
		send(this.json.writeValueAsString(new Envelope(this.properties.node(), null, null, signal, null)));
	}

	/**
	 * Hands a broadcast to the other nodes. Only the broadcast travels, never its
	 * recipients: each node asks the database which of its own online members are
	 * recipients, and a node that misses it loses nothing, since its members find it at
	 * their next page.
	 * @param sent the broadcast
	 */
	void publish(BroadcastSent sent) {
		send(this.json.writeValueAsString(new Envelope(this.properties.node(), null, null, null, sent)));
	}

	private void send(String payload) {
		this.publisher.execute(() -> {
			try {
				this.redis.convertAndSend(this.properties.channel(), payload);
			}
			catch (RuntimeException ex) {
				log.warn("Redis did not take a message for other nodes ({}); their clients will catch up",
						ex.getClass().getSimpleName());
			}
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		byte[] body = message.getBody();
		if (startsWith(body, this.ownPrefix)) {
			return;
		}
		Envelope envelope = this.json.readValue(body, Envelope.class);
		if (envelope.message() != null) {
			this.local.deliverHere(envelope.message());
		}
		if (envelope.controls() != null) {
			this.local.deliverHere(envelope.controls());
		}
		if (envelope.review() != null) {
			this.local.deliverHere(envelope.review());
		}
		if (envelope.broadcast() != null) {
			this.broadcasts.pushLater(envelope.broadcast());
		}
	}

	/**
	 * How every envelope from a node begins, as the mapper writes it: up to the end of
	 * its origin, which is written first.
	 */
	static byte[] prefixOf(JsonMapper json, String node) {
		String envelope = json.writeValueAsString(new Envelope(node, null, null, null, null));
		String origin = json.writeValueAsString(node);
		int end = envelope.indexOf(origin, envelope.indexOf(':')) + origin.length();
		return envelope.substring(0, end).getBytes(StandardCharsets.UTF_8);
	}

	static boolean startsWith(byte[] body, byte[] prefix) {
		return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
	}

	@Override
	public void destroy() throws Exception {
		this.publisher.shutdownNow();
		this.subscription.stop();
		this.subscription.destroy();
		this.receiver.shutdownNow();
	}

	/**
	 * What travels on the channel, with the node it came from: a chat message, a change
	 * of a group's controls, a change of a group's review queue, or a broadcast.
	 *
	 * @param origin the publishing node
	 * @param message the message, or {@code null}
	 * @param controls the change of controls, or {@code null}
	 * @param review a review queue's change, or {@code null}
	 * @param broadcast a committed broadcast, or {@code null}
	 */
	@JsonPropertyOrder({ "origin", "message", "controls", "review", "broadcast" })
	record Envelope(String origin, @Nullable ChatMessage message, @Nullable GroupControlsChanged controls,
			@Nullable ReviewSignal review, @Nullable BroadcastSent broadcast) {
	}

}
