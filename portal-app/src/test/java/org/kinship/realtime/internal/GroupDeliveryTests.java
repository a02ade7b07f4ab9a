package org.kinship.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

class GroupDeliveryTests {

	/** A ceiling for what the test waits on, reached only when it never happens. */
	private static final long PATIENCE_SECONDS = 60;

	private static final String TOPIC = "/topic/groups/7";

	private final ExactSubscriptions subscriptions = new ExactSubscriptions();

	private final SessionSockets sockets = new SessionSockets();

	private final ExecutorService threads = new RealtimeConfiguration().groupDeliveryThreads();

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final GroupDelivery delivery = new GroupDelivery(this.sockets, this.subscriptions, this.threads,
			this.meters, Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void framesPutTogetherComeApartAgainInTheirOrder() {
		List<byte[]> frames = new ArrayList<>();
		for (int number = 0; number < 40; number++) {
			frames.add(frame(number, "x".repeat(number * 10)));
		}

		List<byte[]> messages = GroupDelivery.pack(frames, 2048);

		assertThat(messages).hasSizeLessThan(frames.size());
		assertThat(messages).allSatisfy((message) -> assertThat(message.length).isLessThanOrEqualTo(2048));
		assertThat(decode(messages)).containsExactlyElementsOf(numbers(40));
	}

	@Test
	void aFrameOverTheLimitGoesAloneAndTheOthersKeepTheirPlace() {
		List<byte[]> frames = List.of(frame(0, "a"), frame(1, "b".repeat(5000)), frame(2, "c"), frame(3, "d"));

		List<byte[]> messages = GroupDelivery.pack(frames, 1024);

		assertThat(messages).hasSize(3);
		assertThat(messages.get(1)).isSameAs(frames.get(1));
		assertThat(decode(messages)).containsExactly(0, 1, 2, 3);
	}

	@Test
	void aPageThatFellBehindGetsEveryMessageOnceInOrderInFewerWrites() throws Exception {
		CountDownLatch firstWriteHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<byte[]> written = new ArrayList<>();
		connect("page-1", (message) -> {
			if (written.isEmpty()) {
				firstWriteHeld.countDown();
				release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
			}
			synchronized (written) {
				written.add(bytes(message));
			}
		});
		this.subscriptions.registerSubscription(subscribe("page-1", "sub-0"));

		this.delivery.deliver(TOPIC, message(0), null);
		assertThat(firstWriteHeld.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
		for (int number = 1; number < 30; number++) {
			this.delivery.deliver(TOPIC, message(number), null);
		}
		release.countDown();

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
		List<Integer> shown = List.of();
		while (shown.size() < 30 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			synchronized (written) {
				shown = decode(written);
			}
		}
		assertThat(shown).containsExactlyElementsOf(numbers(30));
		synchronized (written) {
			assertThat(written).hasSizeLessThan(30);
		}
	}

	@Test
	void countsEveryPageWrittenAndTimesNewMessagesFromWhenTheyWereStored() throws Exception {
		List<byte[]> written = java.util.Collections.synchronizedList(new ArrayList<>());
		connect("page-1", (message) -> written.add(bytes(message)));
		connect("page-2", (message) -> written.add(bytes(message)));
		this.subscriptions.registerSubscription(subscribe("page-1", "sub-0"));
		this.subscriptions.registerSubscription(subscribe("page-2", "sub-0"));

		this.delivery.deliver(TOPIC, message(0), NOW.minusMillis(40));
		this.delivery.deliver(TOPIC, message(1), null);

		Counter delivered = this.meters.get(GroupDelivery.DELIVERED).counter();
		await().atMost(Duration.ofSeconds(PATIENCE_SECONDS)).until(() -> delivered.count() == 4);
		Timer latency = this.meters.get(GroupDelivery.LATENCY).timer();
		await().atMost(Duration.ofSeconds(PATIENCE_SECONDS)).until(() -> latency.count() == 2);
		assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80);
		assertThat(written).hasSizeBetween(2, 4);
	}

	private void connect(String id, Writes writes) throws Exception {
		WebSocketSession socket = mock(WebSocketSession.class);
		given(socket.getId()).willReturn(id);
		given(socket.isOpen()).willReturn(true);
		given(socket.getAttributes()).willReturn(new HashMap<>());
		willAnswer((call) -> {
			writes.write(call.getArgument(0));
			return null;
		}).given(socket).sendMessage(any());
		this.sockets.decorate(new AbstractWebSocketHandler() {
		}).afterConnectionEstablished(socket);
	}

	private static EncodedMessage message(int number) {
		return new EncodedMessage(TOPIC, json(number, "hello").getBytes(StandardCharsets.UTF_8),
				MimeTypeUtils.APPLICATION_JSON);
	}

	private static byte[] frame(int number, String text) {
		return new EncodedMessage(TOPIC, json(number, text).getBytes(StandardCharsets.UTF_8),
				MimeTypeUtils.APPLICATION_JSON)
			.frameFor("sub-0");
	}

	private static String json(int number, String text) {
		return "{\"number\":" + number + ",\"text\":\"" + text + "\"}";
	}

	private static Message<byte[]> subscribe(String session, String subscription) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		headers.setDestination(TOPIC);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static byte[] bytes(WebSocketMessage<?> message) {
		assertThat(message).isInstanceOf(BinaryMessage.class);
		ByteBuffer payload = ((BinaryMessage) message).getPayload().duplicate();
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return bytes;
	}

	/**
	 * What a STOMP client reads from the messages: the number of each frame, in order.
	 */
	private static List<Integer> decode(List<byte[]> messages) {
		StompDecoder decoder = new StompDecoder();
		List<Integer> numbers = new ArrayList<>();
		for (byte[] message : messages) {
			for (Message<byte[]> frame : decoder.decode(ByteBuffer.wrap(message))) {
				StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
				assertThat(headers.getDestination()).isEqualTo(TOPIC);
				assertThat(headers.getSubscriptionId()).isEqualTo("sub-0");
				String json = new String(frame.getPayload(), StandardCharsets.UTF_8);
				numbers.add(Integer.parseInt(json.substring(json.indexOf(':') + 1, json.indexOf(','))));
			}
		}
		return numbers;
	}

	private static List<Integer> numbers(int count) {
		List<Integer> numbers = new ArrayList<>();
		for (int number = 0; number < count; number++) {
			numbers.add(number);
		}
		return numbers;
	}

	@FunctionalInterface
	private interface Writes {

		void write(WebSocketMessage<?> message) throws Exception;

	}

}
