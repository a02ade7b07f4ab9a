package org.kinship.conversations.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.conversations.Conversation;
import org.kinship.conversations.Conversations;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.SocketLocale;
import org.kinship.shared.web.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SUBSCRIBE frames for a private conversation's topic sent into the real messaging
 * configuration's {@code clientInboundChannel}, as pages' sockets send them: the member
 * follows their conversation and receives what staff write live; another member and a
 * facilitator of another group are refused on their reply queue and receive nothing.
 */
@SpringBootTest
class ConversationFramesIntegrationTests extends OnMariaDb {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("clientInboundChannel")
	AbstractSubscribableChannel inbound;

	@Autowired
	@Qualifier("clientOutboundChannel")
	AbstractSubscribableChannel outbound;

	@Autowired
	@Qualifier("brokerChannel")
	AbstractSubscribableChannel brokerChannel;

	@Autowired
	SimpleBrokerMessageHandler broker;

	@Autowired
	Conversations conversations;

	private final List<Message<?>> toClients = new CopyOnWriteArrayList<>();

	private final ChannelInterceptor capture = new ChannelInterceptor() {

		@Override
		public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent,
				@Nullable Exception ex) {
			ConversationFramesIntegrationTests.this.toClients.add(message);
		}

	};

	private final List<Message<?>> toBroker = new CopyOnWriteArrayList<>();

	private final ChannelInterceptor brokerCapture = new ChannelInterceptor() {

		@Override
		public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent,
				@Nullable Exception ex) {
			ConversationFramesIntegrationTests.this.toBroker.add(message);
		}

	};

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal member;

	private Conversation conversation;

	@BeforeEach
	void conversationWithAMember() {
		this.outbound.addInterceptor(this.capture);
		this.brokerChannel.addInterceptor(this.brokerCapture);
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Circle");
		this.member = this.community.member(this.circle.group(), "Wren");
		this.conversation = this.conversations.open(this.circle.facilitator(), this.circle.group().id(),
				this.member.fhirUser());
	}

	@AfterEach
	void stopListening() {
		this.outbound.removeInterceptor(this.capture);
		this.brokerChannel.removeInterceptor(this.brokerCapture);
	}

	@Test
	void onlyTheMemberAndTheGroupsStaffFollowTheConversationLive() {
		String topic = "/topic/conversations/" + this.conversation.id();
		String memberSocket = socket();
		String staffSocket = socket();
		String otherMemberSocket = socket();
		String otherFacilitatorSocket = socket();

		KinshipPrincipal otherMember = this.community.member(this.circle.group(), "Heron");
		KinshipPrincipal otherFacilitator = this.community.group("Elsewhere").facilitator();
		connect(memberSocket, this.member);
		connect(staffSocket, this.circle.facilitator());
		connect(otherMemberSocket, otherMember);
		connect(otherFacilitatorSocket, otherFacilitator);

		assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, memberSocket, this.member, topic))).isTrue();
		assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, staffSocket, this.circle.facilitator(), topic)))
			.isTrue();
		assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, otherMemberSocket, otherMember, topic))).isFalse();
		assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, otherFacilitatorSocket, otherFacilitator, topic)))
			.isFalse();
		await().atMost(PATIENCE)
			.until(() -> refusalsTo(otherMemberSocket) == 1 && refusalsTo(otherFacilitatorSocket) == 1);
		await().atMost(PATIENCE).until(() -> subscribed(topic, memberSocket) && subscribed(topic, staffSocket));

		this.conversations.write(this.circle.facilitator(), this.conversation.id(), "Are you safe right now?");

		await().atMost(PATIENCE).until(() -> bodyTo(memberSocket).contains("Are you safe right now?"));
		await().atMost(PATIENCE).until(() -> bodyTo(staffSocket).contains("Are you safe right now?"));
		assertThat(bodyTo(otherMemberSocket)).isEmpty();
		assertThat(bodyTo(otherFacilitatorSocket)).isEmpty();
		for (String socket : List.of(memberSocket, staffSocket, otherMemberSocket, otherFacilitatorSocket)) {
			this.inbound.send(disconnect(socket));
		}
	}

	@Test
	void onlyTheTwoMembersFollowAConversationBetweenMembers() {
		KinshipPrincipal heron = this.community.member(this.circle.group(), "Heron");
		this.conversations.letMembersTalk(this.community.manager(), true);
		try {
			String heronName = this.conversations.openWithStaff(heron, this.circle.group().id()).memberName();
			Conversation between = this.conversations.openWithMember(this.member, this.circle.group().id(), heronName);
			String topic = "/topic/conversations/" + between.id();
			String heronSocket = socket();
			String staffSocket = socket();
			connect(heronSocket, heron);
			connect(staffSocket, this.circle.facilitator());

			assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, heronSocket, heron, topic))).isTrue();
			assertThat(this.inbound.send(frame(StompCommand.SUBSCRIBE, staffSocket, this.circle.facilitator(), topic)))
				.as("the group's staff do not follow members' conversations")
				.isFalse();
			await().atMost(PATIENCE).until(() -> refusalsTo(staffSocket) == 1);
			await().atMost(PATIENCE).until(() -> subscribed(topic, heronSocket));

			this.conversations.write(this.member, between.id(), "Coffee after the meeting?");

			await().atMost(PATIENCE).until(() -> bodyTo(heronSocket).contains("Coffee after the meeting?"));
			assertThat(bodyTo(staffSocket)).isEmpty();
			for (String socket : List.of(heronSocket, staffSocket)) {
				this.inbound.send(disconnect(socket));
			}
		}
		finally {
			this.conversations.letMembersTalk(this.community.manager(), false);
		}
	}

	/** Connects a socket, as a page does first: the broker delivers only to those. */
	private void connect(String socket, KinshipPrincipal who) {
		assertThat(this.inbound.send(frame(StompCommand.CONNECT, socket, who, null))).isTrue();
	}

	private boolean subscribed(String topic, String socket) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setDestination(topic);
		Message<byte[]> probe = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		return this.broker.getSubscriptionRegistry().findSubscriptions(probe).containsKey(socket);
	}

	/** Refusals sent to a socket's own reply queue. */
	private long refusalsTo(String socket) {
		return this.toBroker.stream()
			.map(SimpMessageHeaderAccessor::wrap)
			.filter((headers) -> socket.equals(headers.getSessionId()))
			.filter((headers) -> String.valueOf(headers.getDestination()).startsWith("/user/")
					&& String.valueOf(headers.getDestination()).endsWith("/queue/replies"))
			.count();
	}

	private String bodyTo(String socket) {
		StringBuilder bodies = new StringBuilder();
		for (Message<?> message : this.toClients) {
			if (socket.equals(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()))
					&& SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.MESSAGE
					&& message.getPayload() instanceof byte[] bytes) {
				bodies.append(new String(bytes, StandardCharsets.UTF_8));
			}
		}
		return bodies.toString();
	}

	private static String socket() {
		return "s-" + UUID.randomUUID();
	}

	private static Message<byte[]> frame(StompCommand command, String socket, KinshipPrincipal who,
			@Nullable String destination) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(socket);
		headers.setUser(SignedIn.authentication(who));
		if (destination != null) {
			headers.setDestination(destination);
			headers.setSubscriptionId("sub-1");
		}
		if (command == StompCommand.CONNECT) {
			headers.setAcceptVersion("1.2");
			headers.setHeartbeat(0, 0);
		}
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(SocketLocale.ATTRIBUTE, Locale.ENGLISH);
		headers.setSessionAttributes(attributes);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static Message<byte[]> disconnect(String socket) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.DISCONNECT);
		headers.setSessionId(socket);
		headers.setSessionAttributes(new HashMap<>());
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
