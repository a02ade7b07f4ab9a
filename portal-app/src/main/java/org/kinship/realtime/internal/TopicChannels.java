package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Keeps this node subscribed to the Redis channel of each topic ({@code /topic/...}) that
 * an open page here follows, and to no other, so that a group's messages reach only the
 * nodes that show them ({@link RedisFanout#channelOf}).
 * <p>
 * A node subscribes when a page subscribes to a topic, on the thread that handles the
 * page's SUBSCRIBE, and waits (up to {@link #CONFIRMATION}) until Redis confirms, so that
 * the page's RECEIPT and the catch-up it asks for next (frames of a session are handled
 * in order) come after the node hears the topic: a message committed before the
 * confirmation is in the catch-up, one after it comes live. A member who subscribes on
 * node B just as a message is published on node A thus sees it either way, at worst
 * twice, which the page folds by id. If Redis does not confirm in time (down, restarting)
 * the subscription goes on without it, and the page closes the gap from the database when
 * the next message shows one.
 * <p>
 * A node unsubscribes a while ({@code kinship.realtime.topic-linger}) after the topic's
 * last page here left, unless one came back, so that a member moving between pages does
 * not cost a subscription each time. The channels are registered with the listener
 * container, which subscribes to all of them again after Redis restarts.
 */
class TopicChannels implements ExactSubscriptions.Watcher {

	/** How long a page's SUBSCRIBE waits for Redis to confirm the node's subscription. */
	static final Duration CONFIRMATION = Duration.ofSeconds(2);

	private static final String TOPICS = "/topic/";

	private static final Logger log = LoggerFactory.getLogger(TopicChannels.class);

	private final RedisMessageListenerContainer container;

	private final String channel;

	private final Duration linger;

	private final ScheduledExecutorService unsubscriber;

	private final Listener listener;

	/** Topic to its channel's state; guarded by this. */
	private final Map<String, Followed> followed = new HashMap<>();

	/**
	 * Channel to the confirmation of its subscription; changed under this, read without
	 * it, so that a confirmation never waits on a subscription being made.
	 */
	private final Map<String, CompletableFuture<Void>> confirmations = new ConcurrentHashMap<>();

	TopicChannels(RedisMessageListenerContainer container, String channel, Duration linger,
			ScheduledExecutorService unsubscriber, MessageListener receiver) {
		this.container = container;
		this.channel = channel;
		this.linger = linger;
		this.unsubscriber = unsubscriber;
		this.listener = new Listener(receiver);
	}

	@Override
	public void subscribed(String destination) {
		if (!destination.startsWith(TOPICS)) {
			return;
		}
		CompletableFuture<Void> confirmed;
		synchronized (this) {
			Followed topic = this.followed.get(destination);
			if (topic == null) {
				String name = RedisFanout.channelOf(this.channel, destination);
				topic = new Followed(new ChannelTopic(name));
				this.followed.put(destination, topic);
				this.confirmations.put(name, topic.confirmed);
				try {
					this.container.addMessageListener(this.listener, topic.channel);
				}
				catch (RuntimeException ex) {
					// registered all the same: the container subscribes again on recovery
					log.warn("Redis did not take a subscription ({}); pages catch up", ex.getClass().getSimpleName());
				}
			}
			else if (topic.leaving != null) {
				topic.leaving.cancel(false);
				topic.leaving = null;
			}
			confirmed = topic.confirmed;
		}
		if (!confirmed.isDone() && this.container.isListening()) {
			await(confirmed);
		}
	}

	@Override
	public void lastLeft(String destination) {
		if (!destination.startsWith(TOPICS)) {
			return;
		}
		synchronized (this) {
			Followed topic = this.followed.get(destination);
			if (topic != null && topic.leaving == null) {
				topic.leaving = this.unsubscriber.schedule(() -> leave(destination, topic), this.linger.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}
	}

	/**
	 * The topics this node hears now.
	 * @return how many
	 */
	synchronized int followedTopics() {
		return this.followed.size();
	}

	private void leave(String destination, Followed topic) {
		synchronized (this) {
			if (this.followed.get(destination) != topic || topic.leaving == null) {
				return;
			}
			this.followed.remove(destination);
			this.confirmations.remove(topic.channel.getTopic());
		}
		try {
			this.container.removeMessageListener(this.listener, topic.channel);
		}
		catch (RuntimeException ex) {
			log.warn("Redis did not take an unsubscription ({})", ex.getClass().getSimpleName());
		}
	}

	private void confirm(byte[] channel) {
		CompletableFuture<Void> confirmation = this.confirmations.get(new String(channel, StandardCharsets.UTF_8));
		if (confirmation != null) {
			confirmation.complete(null);
		}
	}

	private static void await(CompletableFuture<Void> confirmed) {
		try {
			confirmed.get(CONFIRMATION.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("Redis did not confirm a subscription in time; pages catch up");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One followed topic's channel. */
	private static final class Followed {

		final ChannelTopic channel;

		final CompletableFuture<Void> confirmed = new CompletableFuture<>();

		/** The unsubscription waiting out the linger, if the last page left. */
		@Nullable ScheduledFuture<?> leaving;

		Followed(ChannelTopic channel) {
			this.channel = channel;
		}

	}

	/**
	 * Hands what comes on the topics' channels to the node's receiver, and the
	 * confirmations of their subscriptions to {@link TopicChannels}.
	 */
	private final class Listener implements MessageListener, SubscriptionListener {

		private final MessageListener receiver;

		Listener(MessageListener receiver) {
			this.receiver = receiver;
		}

		@Override
		public void onMessage(Message message, byte @Nullable [] pattern) {
			this.receiver.onMessage(message, pattern);
		}

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			confirm(channel);
		}

	}

}
