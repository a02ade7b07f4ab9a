package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.realtime.DestinationRule;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames are let through only to destinations that a feature's rule allows; anything no
 * rule claims is refused with the reason on the socket's own reply queue, the socket left
 * open; a socket without a launch gets an ERROR frame.
 */
class FrameAuthorizationTests {

	private final List<Message<?>> toClients = new ArrayList<>();

	private final MessageChannel outbound = (message, timeout) -> this.toClients.add(message);

	/** A feature whose members follow group 7 and send to its handler. */
	private final DestinationRule groups = new DestinationRule() {

		@Override
		public boolean maySubscribe(KinshipPrincipal principal, String destination) {
			return destination.equals("/topic/groups/7") && principal.fhirUser().equals("Patient/member");
		}

		@Override
		public boolean maySend(KinshipPrincipal principal, String destination) {
			return destination.equals("/app/groups/7/send");
		}

	};

	/** A feature with only a queue of its own. */
	private final DestinationRule notices = new DestinationRule() {

		@Override
		public boolean maySubscribe(KinshipPrincipal principal, String destination) {
			return destination.equals("/user/queue/notices");
		}

	};

	private final List<Message<?>> toBroker = new ArrayList<>();

	private final MessageChannel broker = (message, timeout) -> this.toBroker.add(message);

	private final FrameAuthorization authorization = new FrameAuthorization(List.of(this.groups, this.notices),
			this.outbound, json(new SimpMessagingTemplate(this.broker)), messages());

	@Test
	void letsThroughWhatSomeRuleAllows() {
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/7", "Patient/member")).isTrue();
		assertThat(passes(StompCommand.SUBSCRIBE, "/user/queue/notices", "Patient/other")).isTrue();
		assertThat(passes(StompCommand.SEND, "/app/groups/7/send", "Patient/member")).isTrue();
		assertThat(passes(StompCommand.CONNECT, null, "Patient/member")).isTrue();
		assertThat(this.toClients).isEmpty();
		assertThat(this.toBroker).isEmpty();
	}

	@Test
	void refusesWhatTheRulesRefuseOrNoRuleClaims() {
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/7", "Patient/other")).isFalse();
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/8", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SUBSCRIBE, "/app/groups/7/send", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SEND, "/topic/groups/7", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SEND, "/app/somewhere", "Patient/member")).isFalse();

		assertThat(this.toClients).as("no ERROR frame: the socket stays open").isEmpty();
		assertThat(this.toBroker).hasSize(5).allSatisfy((reply) -> {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(reply);
			assertThat(headers.getDestination()).as("the asking member's own reply queue")
				.isIn("/user/" + name("Patient/member") + "/queue/replies",
						"/user/" + name("Patient/other") + "/queue/replies");
			assertThat(headers.getSessionId()).as("to that socket only").isEqualTo("socket-1");
		});
		assertThat(body(this.toBroker.get(0))).contains("\"outcome\":\"REFUSED\"")
			.contains("You can only follow groups you belong to.");
		assertThat(body(this.toBroker.get(3))).contains("You can only send to groups you belong to.");
	}

	@Test
	void namesTheReceiptOfARefusedFrame() {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		headers.setSessionId("socket-1");
		headers.setDestination("/topic/groups/8");
		headers.setReceipt("r-17");
		headers.setUser(user("Patient/member"));
		headers.setLeaveMutable(true);

		this.authorization.preSend(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()),
				this.outbound);

		assertThat(body(this.toBroker.get(0))).contains("\"receipt\":\"r-17\"");
	}

	@Test
	void endsASocketThatUsesTransactions() {
		assertThat(passes(StompCommand.BEGIN, null, "Patient/member")).isFalse();

		assertThat(StompHeaderAccessor.wrap(this.toClients.get(0)).getCommand()).isEqualTo(StompCommand.ERROR);
	}

	@Test
	void refusesEveryFrameOfASocketWithoutALaunch() {
		assertThat(passes(StompCommand.CONNECT, null, null)).isFalse();
		assertThat(passes(StompCommand.SUBSCRIBE, "/user/queue/notices", null)).isFalse();

		assertThat(this.toClients).hasSize(2)
			.allSatisfy((error) -> assertThat(StompHeaderAccessor.wrap(error).getMessage())
				.isEqualTo("Open Kinship from your portal first."));
	}

	private boolean passes(StompCommand command, @Nullable String destination, @Nullable String fhirUser) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId("socket-1");
		if (destination != null) {
			headers.setDestination(destination);
		}
		if (fhirUser != null) {
			headers.setUser(user(fhirUser));
		}
		headers.setLeaveMutable(true);
		Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		return this.authorization.preSend(frame, this.outbound) != null;
	}

	private static SimpMessagingTemplate json(SimpMessagingTemplate template) {
		template.setMessageConverter(new JacksonJsonMessageConverter());
		return template;
	}

	private static String body(Message<?> message) {
		return new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
	}

	/** The user's name as a user destination carries it. */
	private static String name(String fhirUser) {
		return user(fhirUser).getName().replace("/", "%2F");
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("socket.error.subscribe-refused", Locale.ENGLISH,
				"You can only follow groups you belong to.");
		messages.addMessage("socket.error.send-refused", Locale.ENGLISH, "You can only send to groups you belong to.");
		return messages;
	}

	private static UsernamePasswordAuthenticationToken user(String fhirUser) {
		KinshipPrincipal principal = new KinshipPrincipal("sandbox", "https://ehr.example/fhir", fhirUser, "A member",
				KinshipRole.PATIENT, Set.of(), null, null, false, null, null, null, List.of(), Set.of(), Map.of());
		DefaultOAuth2User oauth = new DefaultOAuth2User(AuthorityUtils.NO_AUTHORITIES,
				Map.of("sub", fhirUser, CurrentPrincipal.PRINCIPAL_ATTRIBUTE, principal), "sub");
		return new UsernamePasswordAuthenticationToken(oauth, null, AuthorityUtils.NO_AUTHORITIES);
	}

}
