package org.kinship.chat.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A sliding window of recent sends per member. Kept in the node's memory: a member's
 * session, and so their sends, live on one node.
 */
@Component
public class RateLimiter {

	private final ChatProperties properties;

	private final Clock clock;

	private final ConcurrentHashMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

	RateLimiter(ChatProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a send if the member is within the limit.
	 * @param member the member
	 * @return false when the member has sent too many messages lately
	 */
	public boolean tryAcquire(String member) {
		long now = this.clock.millis();
		long windowStart = now - this.properties.rateLimitWindow().toMillis();
		Deque<Long> sends = this.recent.computeIfAbsent(member, (key) -> new ArrayDeque<>());
		synchronized (sends) {
			while (!sends.isEmpty() && sends.peekFirst() <= windowStart) {
				sends.pollFirst();
			}
			if (sends.size() >= this.properties.rateLimitMessages()) {
				return false;
			}
			sends.addLast(now);
			return true;
		}
	}

}
