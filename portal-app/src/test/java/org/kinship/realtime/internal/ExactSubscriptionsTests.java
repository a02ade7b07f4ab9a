package org.kinship.realtime.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class ExactSubscriptionsTests {

	private final ExactSubscriptions subscriptions = new ExactSubscriptions();

	@Test
	void findsEverySessionFollowingADestinationAndNoOther() {
		subscribe("s1", "0", "/topic/groups/7");
		subscribe("s2", "sub-1", "/topic/groups/7");
		subscribe("s2", "sub-2", "/topic/groups/8");
		subscribe("s3", "0", "/queue/replies-users3");

		assertThat(followers("/topic/groups/7")).containsOnlyKeys("s1", "s2");
		assertThat(this.subscriptions.findSubscriptions(message("/topic/groups/7")).get("s2")).containsExactly("sub-1");
		assertThat(followers("/topic/groups/8")).containsOnlyKeys("s2");
		assertThat(followers("/topic/groups/9")).isEmpty();
	}

	@Test
	void aPatternIsOnlyADestinationNamedSo() {
		subscribe("s1", "0", "/topic/groups/7");
		subscribe("s2", "0", "/topic/groups/*");

		assertThat(followers("/topic/groups/7")).containsOnlyKeys("s1");
	}

	@Test
	void forgetsAnUnsubscribedOrDisconnectedSession() {
		subscribe("s1", "0", "/topic/groups/7");
		subscribe("s1", "1", "/topic/groups/8");
		subscribe("s2", "0", "/topic/groups/7");

		this.subscriptions.unregisterSubscription(frame(SimpMessageType.UNSUBSCRIBE, "s1", "0", null));
		assertThat(followers("/topic/groups/7")).containsOnlyKeys("s2");
		assertThat(followers("/topic/groups/8")).containsOnlyKeys("s1");

		this.subscriptions.unregisterAllSubscriptions("s1");
		assertThat(followers("/topic/groups/8")).isEmpty();
		assertThat(followers("/topic/groups/7")).containsOnlyKeys("s2");
	}

	@Test
	void aSubscriptionIdUsedAgainMovesToItsNewDestination() {
		subscribe("s1", "0", "/topic/groups/7");
		subscribe("s1", "0", "/topic/groups/8");

		assertThat(followers("/topic/groups/7")).isEmpty();
		assertThat(followers("/topic/groups/8")).containsEntry("s1", List.of("0"));
	}

	private java.util.Map<String, List<String>> followers(String destination) {
		return this.subscriptions.findSubscriptions(message(destination));
	}

	private void subscribe(String session, String subscription, String destination) {
		this.subscriptions.registerSubscription(frame(SimpMessageType.SUBSCRIBE, session, subscription, destination));
	}

	private static Message<byte[]> message(String destination) {
		return frame(SimpMessageType.MESSAGE, null, null, destination);
	}

	private static Message<byte[]> frame(SimpMessageType type, String session, String subscription,
			String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		headers.setDestination(destination);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
