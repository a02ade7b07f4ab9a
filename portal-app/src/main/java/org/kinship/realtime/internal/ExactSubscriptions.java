package org.kinship.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The STOMP broker's subscriptions, looked up by exact destination. Spring's default
 * registry matches destinations as patterns: the first message to a destination it has
 * not cached (a member's reply queue, say) walks every subscription of every socket, and
 * every SUBSCRIBE walks its whole cache. At 2,000 open pages that walk was a third of the
 * chat's inbound work in {@code deploy/bench/chat-load}. Kinship never subscribes to a
 * pattern ({@link FrameAuthorization} lets through only the destinations the features'
 * rules name, never a pattern), so a map from destination to its subscribers says the
 * same in one lookup. Selector headers are not supported, and not needed.
 * <p>
 * Each destination's subscribers are kept as a copy that is replaced on every change, so
 * that a lookup, which happens far more often than a change, hands out the map itself.
 */
@Component
final class ExactSubscriptions extends AbstractSubscriptionRegistry {

	private static final LinkedMultiValueMap<String, String> NONE = new LinkedMultiValueMap<>(0);

	/** Destination to its subscribers: session id to that session's subscription ids. */
	private final Map<String, LinkedMultiValueMap<String, String>> byDestination = new ConcurrentHashMap<>();

	/** Session id to its subscriptions: subscription id to destination. */
	private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

	private volatile Watcher watcher = Watcher.NONE;

	/**
	 * Tells a watcher of each subscription to a destination on this node, and when a
	 * destination loses its last subscriber.
	 * @param watcher the watcher, the only one
	 */
	void watch(Watcher watcher) {
		this.watcher = watcher;
	}

	@Override
	protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
			Message<?> message) {
		String earlier = this.bySession.computeIfAbsent(sessionId, (key) -> new ConcurrentHashMap<>())
			.put(subscriptionId, destination);
		if (earlier != null) {
			without(earlier, sessionId, subscriptionId);
		}
		this.byDestination.compute(destination, (key, subscribers) -> {
			LinkedMultiValueMap<String, String> copy = copyOf(subscribers);
			copy.add(sessionId, subscriptionId);
			return copy;
		});
		// on the thread that handles the SUBSCRIBE, before its receipt and before the
		// frames the page sent after it (a catch-up) are handled
		this.watcher.subscribed(destination);
	}

	@Override
	protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
		Map<String, String> subscriptions = this.bySession.get(sessionId);
		String destination = (subscriptions != null) ? subscriptions.remove(subscriptionId) : null;
		if (destination != null) {
			without(destination, sessionId, subscriptionId);
		}
	}

	@Override
	public void unregisterAllSubscriptions(String sessionId) {
		Map<String, String> subscriptions = this.bySession.remove(sessionId);
		if (subscriptions != null) {
			subscriptions.forEach((subscriptionId, destination) -> without(destination, sessionId, subscriptionId));
		}
	}

	/**
	 * The sessions following a destination.
	 * @param destination the destination
	 * @return session id to its subscription ids, never changed once handed out
	 */
	MultiValueMap<String, String> subscribersOf(String destination) {
		return this.byDestination.getOrDefault(destination, NONE);
	}

	@Override
	protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
		return subscribersOf(destination);
	}

	private void without(String destination, String sessionId, String subscriptionId) {
		boolean[] last = { false };
		this.byDestination.computeIfPresent(destination, (key, subscribers) -> {
			LinkedMultiValueMap<String, String> copy = copyOf(subscribers);
			java.util.List<String> ids = copy.get(sessionId);
			if (ids != null) {
				ids.remove(subscriptionId);
				if (ids.isEmpty()) {
					copy.remove(sessionId);
				}
			}
			last[0] = copy.isEmpty();
			return last[0] ? null : copy;
		});
		if (last[0]) {
			this.watcher.lastLeft(destination);
		}
	}

	/**
	 * Told of each subscription to a destination of this node, and when a destination
	 * loses its last subscriber.
	 */
	interface Watcher {

		Watcher NONE = new Watcher() {

			@Override
			public void subscribed(String destination) {
			}

			@Override
			public void lastLeft(String destination) {
			}

		};

		/**
		 * A subscription to a destination was registered. Called on the thread that
		 * registers it, before the registration returns; the calls for one session come
		 * in the order of its frames.
		 * @param destination the destination
		 */
		void subscribed(String destination);

		/**
		 * A destination's last subscriber here left.
		 * @param destination the destination
		 */
		void lastLeft(String destination);

	}

	private static LinkedMultiValueMap<String, String> copyOf(
			@Nullable LinkedMultiValueMap<String, String> subscribers) {
		return (subscribers != null) ? subscribers.deepCopy() : new LinkedMultiValueMap<>();
	}

}
