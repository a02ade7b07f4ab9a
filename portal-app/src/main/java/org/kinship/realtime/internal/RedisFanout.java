package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;

import org.jspecify.annotations.Nullable;
import org.kinship.realtime.Relay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cross-node delivery through Redis pub/sub: a node-wide channel every node hears, and a
 * channel for each followed topic ({@link #channelOf}) that only the nodes with a page
 * following it hear ({@link TopicChannels}), so that a group's messages cost Redis one
 * delivery per node that shows them, not one per node. Subscriptions are per node, not
 * per member. Pub/sub rather than streams because the database, not Redis, is what keeps
 * messages: a node that misses a publication (Redis down, a restart) loses nothing, since
 * its clients notice the gap in sequence numbers and catch up from the database.
 * Publishing happens on a thread of its own ({@link RealtimeConfiguration}), so a slow or
 * absent Redis never delays an acknowledgement. What other nodes send is read by
 * {@link RelayReceiver}.
 */
class RedisFanout implements Relay {

	private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

	private final StringRedisTemplate redis;

	private final RealtimeProperties properties;

	private final JsonMapper json;

	private final ExecutorService publisher;

	RedisFanout(StringRedisTemplate redis, RealtimeProperties properties, JsonMapper json, ExecutorService publisher) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.publisher = publisher;
	}

	@Override
	public void toOtherNodes(String type, Object payload) {
		publish(this.properties.channel(), type, payload);
	}

	@Override
	public void toFollowersOf(String topic, String type, Object payload) {
		publish(channelOf(this.properties.channel(), topic), type, payload);
	}

	/**
	 * The channel of a topic's followers: the node-wide channel's name, a colon, the
	 * topic, such as {@code kinship:chat:/topic/groups/7}.
	 */
	static String channelOf(String channel, String topic) {
		return channel + ":" + topic;
	}

	private void publish(String channel, String type, Object payload) {
		String envelope = this.json.writeValueAsString(new Envelope(this.properties.node(), type, payload));
		this.publisher.execute(() -> {
			try {
				this.redis.convertAndSend(channel, envelope);
			}
			catch (RuntimeException ex) {
				log.warn("Redis did not take a message for other nodes ({}); their clients will catch up",
						ex.getClass().getSimpleName());
			}
		});
	}

	/**
	 * How every envelope from a node begins, as the mapper writes it: up to the end of
	 * its origin, which is written first.
	 */
	static byte[] prefixOf(JsonMapper json, String node) {
		String envelope = json.writeValueAsString(new Envelope(node, "", null));
		String origin = json.writeValueAsString(node);
		int end = envelope.indexOf(origin, envelope.indexOf(':')) + origin.length();
		return envelope.substring(0, end).getBytes(StandardCharsets.UTF_8);
	}

	static boolean startsWith(byte[] body, byte[] prefix) {
		return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * What travels on the channel: the node it came from, so that a node knows its own
	 * from their first bytes, then the payload's type, so that the payload is read once,
	 * as its handler's class, then the payload.
	 *
	 * @param origin the publishing node
	 * @param type the payload's type
	 * @param payload the payload
	 */
	@JsonPropertyOrder({ "origin", "type", "payload" })
	record Envelope(String origin, String type, @Nullable Object payload) {
	}

}
