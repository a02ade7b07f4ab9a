package org.kinship.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

class BrokerPagesTests {

	/** A ceiling for what the test waits on, reached only when it never happens. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String QUEUE = "/queue/broadcasts";

	private final SessionSockets sockets = new SessionSockets();

	private final ExactSubscriptions subscriptions = new ExactSubscriptions();

	private final ExecutorService threads = new RealtimeConfiguration().groupDeliveryThreads();

	private final GroupDelivery delivery = new GroupDelivery(this.sockets, this.subscriptions, this.threads,
			new SimpleMeterRegistry(), Clock.systemUTC());

	private final SimpUserRegistry users = mock(SimpUserRegistry.class);

	private final Map<String, List<Message<byte[]>>> frames = new ConcurrentHashMap<>();

	private final BrokerPages pages = new BrokerPages(template(), this.delivery, this.users, this.sockets,
			this.subscriptions);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void aBroadcastReachesEveryFollowingPageOfEachMemberOnceWithThatPagesSubscription() throws Exception {
		online("iss|Patient/ana", open("ana-phone", "sub-b"), open("ana-laptop", "sub-7"));
		online("iss|Patient/ben", open("ben-phone", "sub-b"));
		online("iss|Patient/cy", open("cy-phone", "sub-b"));
		online("iss|Patient/dee", open("dee-phone", null));

		int sent = this.pages.toEachPageOfAll(List.of("iss|Patient/ana", "iss|Patient/ben", "iss|Patient/dee"), QUEUE,
				Map.of("id", 41, "title", "Clinic hours"));

		assertThat(sent).isEqualTo(4);
		await().atMost(PATIENCE).until(() -> this.frames.values().stream().mapToInt(List::size).sum() == 3);
		assertThat(this.frames.keySet()).containsExactlyInAnyOrder("ana-phone", "ana-laptop", "ben-phone");
		this.frames.forEach((page, received) -> {
			assertThat(received).hasSize(1);
			StompHeaderAccessor headers = StompHeaderAccessor.wrap(received.get(0));
			assertThat(headers.getDestination()).isEqualTo("/user/queue/broadcasts");
			assertThat(headers.getSubscriptionId()).isEqualTo(page.equals("ana-laptop") ? "sub-7" : "sub-b");
			assertThat(new String(received.get(0).getPayload(), StandardCharsets.UTF_8)).contains("\"id\":41")
				.contains("\"title\":\"Clinic hours\"");
		});
	}

	@Test
	void aMemberWithNoPageOpenHereReachesNoPage() {
		assertThat(this.pages.toEachPageOf("iss|Patient/gone", QUEUE, Map.of("id", 1))).isZero();
	}

	private void online(String user, String... sessionIds) {
		SimpUser online = mock(SimpUser.class);
		Set<SimpSession> sessions = new java.util.LinkedHashSet<>();
		for (String sessionId : sessionIds) {
			SimpSession session = mock(SimpSession.class);
			given(session.getId()).willReturn(sessionId);
			sessions.add(session);
		}
		given(online.getSessions()).willReturn(sessions);
		given(this.users.getUser(user)).willReturn(online);
	}

	/**
	 * Opens a page's socket and, unless {@code subscriptionId} is {@code null},
	 * subscribes it to the broadcasts queue as Spring's user destinations name it for the
	 * broker.
	 */
	private String open(String sessionId, String subscriptionId) throws Exception {
		WebSocketSession socket = mock(WebSocketSession.class);
		given(socket.getId()).willReturn(sessionId);
		given(socket.isOpen()).willReturn(true);
		given(socket.getAttributes()).willReturn(new HashMap<>());
		willAnswer((call) -> {
			ByteBuffer payload = call.getArgument(0, BinaryMessage.class).getPayload().duplicate();
			this.frames.computeIfAbsent(sessionId, (key) -> Collections.synchronizedList(new ArrayList<>()))
				.addAll(new StompDecoder().decode(payload));
			return null;
		}).given(socket).sendMessage(any());
		this.sockets.decorate(new AbstractWebSocketHandler() {
		}).afterConnectionEstablished(socket);
		if (subscriptionId != null) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
			headers.setSessionId(sessionId);
			headers.setSubscriptionId(subscriptionId);
			headers.setDestination(QUEUE + BrokerPages.USER_SUFFIX + sessionId);
			this.subscriptions
				.registerSubscription(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
		}
		return sessionId;
	}

	private static SimpMessagingTemplate template() {
		SimpMessagingTemplate template = new SimpMessagingTemplate(mock(MessageChannel.class));
		template.setMessageConverter(new JacksonJsonMessageConverter());
		return template;
	}

}
