package org.kinship.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

class HeartbeatsTests {

	/** A ceiling for what the test waits on, reached only when it never happens. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Duration INTERVAL = Duration.ofSeconds(20);

	private static final int PAGES = 400;

	private final SessionSockets sockets = new SessionSockets();

	private final ExecutorService threads = new RealtimeConfiguration().groupDeliveryThreads();

	private final GroupDelivery delivery = new GroupDelivery(this.sockets, new ExactSubscriptions(), this.threads,
			new SimpleMeterRegistry(), Clock.systemUTC());

	/** How far the heart-beats' clock is ahead of the sockets'. */
	private volatile long aheadNanos;

	private final Heartbeats heartbeats = new Heartbeats(this.sockets, this.delivery, INTERVAL,
			() -> System.nanoTime() + this.aheadNanos);

	private final Map<String, AtomicInteger> beats = new ConcurrentHashMap<>();

	private final Map<String, WebSocketSession> opened = new HashMap<>();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void theConnectedFrameSaysTheNodeSendsHeartbeatsAndAsksForThePagesOwn() {
		Message<byte[]> connected = connectAck("page-1", new long[] { 0, 20_000 });

		Message<?> sent = this.heartbeats.preSend(connected, null);

		assertThat((long[]) sent.getHeaders().get(SimpMessageHeaderAccessor.HEART_BEAT_HEADER)).containsExactly(20_000,
				20_000);
		assertThat(SimpMessageHeaderAccessor.getSessionId(sent.getHeaders())).isEqualTo("page-1");
		Message<byte[]> other = MessageBuilder.createMessage(new byte[0],
				SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE).getMessageHeaders());
		assertThat(this.heartbeats.preSend(other, null)).isSameAs(other);
	}

	@Test
	void idlePagesGetOneHeartbeatEachIntervalAFewAtATime() throws Exception {
		List<String> pages = openPages(PAGES);
		this.aheadNanos = INTERVAL.toNanos();

		int slots = (int) (INTERVAL.toMillis() / Heartbeats.TICK.toMillis());
		int most = 0;
		int before = 0;
		for (int tick = 0; tick < slots; tick++) {
			this.heartbeats.tick();
			int owed = owedAfter(tick);
			await().atMost(PATIENCE).until(() -> written() == owed);
			most = Math.max(most, owed - before);
			before = owed;
		}

		assertThat(pages).allSatisfy((page) -> assertThat(this.beats.get(page).get()).isEqualTo(1));
		// the broker's way wrote all 400 at once; here about a twentieth each tick
		assertThat(most).isLessThan(PAGES / 5);
	}

	@Test
	void pagesWrittenToWithinHalfTheIntervalAreOwedNothing() throws Exception {
		// opening a page counts as writing to it
		openPages(40);

		for (int tick = 0; tick < 2 * INTERVAL.toSeconds(); tick++) {
			this.heartbeats.tick();
		}
		// a round of ticks for every page to be looked at, then one more heart-beat
		// asked for each, which the delivery threads write after anything asked before
		this.aheadNanos = INTERVAL.toNanos();
		for (int tick = 0; tick < INTERVAL.toSeconds(); tick++) {
			this.heartbeats.tick();
		}

		await().atMost(PATIENCE).until(() -> written() == 40);
		assertThat(this.beats.values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
	}

	@Test
	void aClosedPageIsForgotten() throws Exception {
		List<String> pages = openPages(2);
		this.sockets.decorate(new AbstractWebSocketHandler() {
		}).afterConnectionClosed(this.opened.get(pages.get(0)), CloseStatus.NORMAL);
		this.aheadNanos = INTERVAL.toNanos();

		for (int tick = 0; tick < INTERVAL.toSeconds(); tick++) {
			this.heartbeats.tick();
		}

		assertThat(this.heartbeats.pages()).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> written() == 1);
		assertThat(this.beats.get(pages.get(0)).get()).isZero();
		assertThat(this.beats.get(pages.get(1)).get()).isEqualTo(1);
	}

	/** Pages of the slots looked at so far, which are all owed one heart-beat. */
	private int owedAfter(int tick) {
		int slots = (int) (INTERVAL.toMillis() / Heartbeats.TICK.toMillis());
		return (int) this.beats.keySet()
			.stream()
			.filter((page) -> Math.floorMod(page.hashCode(), slots) <= tick)
			.count();
	}

	private int written() {
		return this.beats.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private List<String> openPages(int count) throws Exception {
		List<String> pages = new ArrayList<>();
		for (int page = 0; page < count; page++) {
			String id = UUID.randomUUID().toString();
			AtomicInteger beats = new AtomicInteger();
			this.beats.put(id, beats);
			WebSocketSession socket = mock(WebSocketSession.class);
			given(socket.getId()).willReturn(id);
			given(socket.isOpen()).willReturn(true);
			given(socket.getAttributes()).willReturn(new HashMap<>());
			willAnswer((call) -> {
				assertThat(call.getArgument(0, TextMessage.class).getPayload()).isEqualTo("\n");
				beats.incrementAndGet();
				return null;
			}).given(socket).sendMessage(any());
			this.sockets.decorate(new AbstractWebSocketHandler() {
			}).afterConnectionEstablished(socket);
			this.opened.put(id, socket);
			this.heartbeats.preSend(connectAck(id, new long[] { 0, 20_000 }), null);
			pages.add(id);
		}
		return pages;
	}

	private static Message<byte[]> connectAck(String sessionId, long[] heartbeat) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.CONNECT_ACK);
		headers.setSessionId(sessionId);
		headers.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, heartbeat);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
