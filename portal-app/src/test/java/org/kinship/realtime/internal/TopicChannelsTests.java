package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TopicChannelsTests {

	private static final ChannelTopic GROUP_7 = new ChannelTopic("kinship:chat:/topic/groups/7");

	private final RedisMessageListenerContainer container = mock(RedisMessageListenerContainer.class);

	private final ScheduledExecutorService unsubscriber = Executors.newSingleThreadScheduledExecutor();

	private final ExactSubscriptions subscriptions = new ExactSubscriptions();

	@AfterEach
	void stop() {
		this.unsubscriber.shutdownNow();
	}

	@Test
	void aNodeHearsATopicFromItsFirstPageThereUntilItsLastLeaves() {
		TopicChannels channels = channels(Duration.ZERO);
		subscribe("s1", "/topic/groups/7");
		subscribe("s2", "/topic/groups/7");
		subscribe("s2", "/user/queue/replies");
		verify(this.container, times(1)).addMessageListener(any(), eq(GROUP_7));
		verify(this.container, times(1)).addMessageListener(any(), any(ChannelTopic.class));

		this.subscriptions.unregisterAllSubscriptions("s1");
		assertThat(channels.followedTopics()).as("s2 still follows the group").isEqualTo(1);
		this.subscriptions.unregisterAllSubscriptions("s2");
		verify(this.container, timeout(60_000)).removeMessageListener(any(), eq(GROUP_7));
		assertThat(channels.followedTopics()).isZero();
	}

	@Test
	void aPageBackWithinTheLingerKeepsTheChannel() {
		TopicChannels channels = channels(Duration.ofHours(1));
		subscribe("s1", "/topic/groups/7");
		this.subscriptions.unregisterAllSubscriptions("s1");
		subscribe("s2", "/topic/groups/7");

		verify(this.container, times(1)).addMessageListener(any(), eq(GROUP_7));
		verify(this.container, never()).removeMessageListener(any(), any(ChannelTopic.class));
		assertThat(channels.followedTopics()).isEqualTo(1);
	}

	@Test
	void aSubscriptionIsRegisteredOnlyOnceRedisConfirmsTheNodeHearsTheTopic() throws Exception {
		channels(Duration.ofHours(1));
		when(this.container.isListening()).thenReturn(true);
		AtomicReference<SubscriptionListener> listener = new AtomicReference<>();
		CountDownLatch asked = new CountDownLatch(1);
		doAnswer((invocation) -> {
			listener.set(invocation.getArgument(0));
			asked.countDown();
			return null;
		}).when(this.container).addMessageListener(any(), eq(GROUP_7));

		CompletableFuture<Void> subscribing = CompletableFuture.runAsync(() -> subscribe("s1", "/topic/groups/7"));
		assertThat(asked.await(60, TimeUnit.SECONDS)).isTrue();
		assertThat(subscribing).as("waiting for Redis").isNotDone();
		listener.get().onChannelSubscribed(GROUP_7.getTopic().getBytes(StandardCharsets.UTF_8), 1);
		subscribing.get(60, TimeUnit.SECONDS);

		// a second page of the same topic finds it confirmed
		subscribe("s2", "/topic/groups/7");
		verify(this.container, times(1)).addMessageListener(any(), eq(GROUP_7));
	}

	private TopicChannels channels(Duration linger) {
		TopicChannels channels = new TopicChannels(this.container, "kinship:chat", linger, this.unsubscriber,
				mock(MessageListener.class));
		this.subscriptions.watch(channels);
		return channels;
	}

	private void subscribe(String session, String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(destination);
		headers.setDestination(destination);
		Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		this.subscriptions.registerSubscription(frame);
	}

}
