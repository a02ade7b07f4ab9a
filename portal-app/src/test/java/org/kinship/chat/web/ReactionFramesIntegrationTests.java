package org.kinship.chat.web;

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
import org.kinship.chat.Chat;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.SendCommand;
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
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reaction frames sent into the real messaging configuration's
 * {@code clientInboundChannel} as pages send them: every frame is answered on the
 * sender's reply queue, a reaction is given once per member and emoji and taken back by
 * the same toggle, and a member of another group, or an emoji outside the fixed set, is
 * refused with nothing stored.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
class ReactionFramesIntegrationTests extends OnMariaDb {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("clientInboundChannel")
	AbstractSubscribableChannel inbound;

	@Autowired
	@Qualifier("brokerChannel")
	AbstractSubscribableChannel brokerChannel;

	@Autowired
	Chat chat;

	private final List<Message<?>> toBroker = new CopyOnWriteArrayList<>();

	private final ChannelInterceptor capture = new ChannelInterceptor() {

		@Override
		public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent,
				@Nullable Exception ex) {
			ReactionFramesIntegrationTests.this.toBroker.add(message);
		}

	};

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal wren;

	private ChatMessage message;

	@BeforeEach
	void aMessage() {
		this.brokerChannel.addInterceptor(this.capture);
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Reactions");
		this.wren = this.community.member(this.circle.group(), "Wren");
		KinshipPrincipal heron = this.community.member(this.circle.group(), "Heron");
		this.message = this.chat
			.send(heron, this.circle.group().id(), new SendCommand(UUID.randomUUID().toString(), "Good news!", null))
			.message();
	}

	@AfterEach
	void stopListening() {
		this.brokerChannel.removeInterceptor(this.capture);
	}

	@Test
	void everyReactionFrameIsAnsweredAndCountsOncePerMember() {
		String socket = connect(this.wren);

		react(socket, this.wren, "r-1", "👍", true);
		react(socket, this.wren, "r-2", "👍", true);
		await().atMost(PATIENCE).until(() -> repliesTo(socket).size() == 2);
		assertThat(repliesTo(socket)).allSatisfy((reply) -> assertThat(reply).contains("\"outcome\":\"CHANGED\""));
		assertThat(reactions().get("👍")).as("one per member and emoji").hasSize(1);

		react(socket, this.wren, "r-3", "👍", false);
		await().atMost(PATIENCE).until(() -> repliesTo(socket).size() == 3);
		assertThat(reactions()).doesNotContainKey("👍");

		react(socket, this.wren, "r-4", "🍕", true);
		await().atMost(PATIENCE).until(() -> repliesTo(socket).size() == 4);
		assertThat(repliesTo(socket).get(3)).contains("\"outcome\":\"REFUSED\"").contains("r-4");
		assertThat(reactions()).isEmpty();
		this.inbound.send(disconnect(socket));
	}

	@Test
	void aMemberOfAnotherGroupIsRefusedAndNothingIsStored() {
		KinshipPrincipal outsider = this.community.member(this.community.group("Elsewhere").group(), "Finch");
		String socket = connect(outsider);

		react(socket, outsider, "r-9", "❤️", true);

		await().atMost(PATIENCE).until(() -> repliesTo(socket).size() == 1);
		assertThat(repliesTo(socket).get(0)).contains("\"outcome\":\"REFUSED\"").contains("r-9");
		assertThat(reactions()).isEmpty();
		this.inbound.send(disconnect(socket));
	}

	private java.util.Map<String, List<String>> reactions() {
		return this.chat.history(this.wren, this.circle.group().id(), Long.MAX_VALUE)
			.stream()
			.filter((shown) -> shown.id() == this.message.id())
			.findFirst()
			.orElseThrow()
			.reactions();
	}

	private void react(String socket, KinshipPrincipal who, String requestId, String emoji, boolean on) {
		String body = "{\"requestId\":\"" + requestId + "\",\"kind\":\"react\",\"messageId\":" + this.message.id()
				+ ",\"emoji\":\"" + emoji + "\",\"on\":" + on + "}";
		StompHeaderAccessor headers = headers(StompCommand.SEND, socket, who);
		headers.setDestination("/app/groups/" + this.circle.group().id() + "/change");
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		assertThat(this.inbound
			.send(MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders())))
			.isTrue();
	}

	private String connect(KinshipPrincipal who) {
		String socket = "s-" + UUID.randomUUID();
		StompHeaderAccessor headers = headers(StompCommand.CONNECT, socket, who);
		headers.setAcceptVersion("1.2");
		headers.setHeartbeat(0, 0);
		assertThat(this.inbound.send(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()))).isTrue();
		return socket;
	}

	/** The bodies sent to a socket's own reply queue, in order. */
	private List<String> repliesTo(String socket) {
		return this.toBroker.stream()
			.filter((message) -> socket.equals(SimpMessageHeaderAccessor.getSessionId(message.getHeaders())))
			.filter((message) -> String.valueOf(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
				.endsWith("/queue/replies"))
			.map((message) -> (message.getPayload() instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
					: String.valueOf(message.getPayload()))
			.toList();
	}

	private static StompHeaderAccessor headers(StompCommand command, String socket, KinshipPrincipal who) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(socket);
		headers.setUser(SignedIn.authentication(who));
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(SocketLocale.ATTRIBUTE, Locale.ENGLISH);
		headers.setSessionAttributes(attributes);
		return headers;
	}

	private static Message<byte[]> disconnect(String socket) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.DISCONNECT);
		headers.setSessionId(socket);
		headers.setSessionAttributes(new HashMap<>());
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
