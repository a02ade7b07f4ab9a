package org.kinship.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.realtime.DestinationRule;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames are let through only to destinations that a feature's rule allows; anything no
 * rule claims is refused with an ERROR frame to the client.
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

	private final FrameAuthorization authorization = new FrameAuthorization(List.of(this.groups, this.notices),
			this.outbound);

	@Test
	void letsThroughWhatSomeRuleAllows() {
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/7", "Patient/member")).isTrue();
		assertThat(passes(StompCommand.SUBSCRIBE, "/user/queue/notices", "Patient/other")).isTrue();
		assertThat(passes(StompCommand.SEND, "/app/groups/7/send", "Patient/member")).isTrue();
		assertThat(passes(StompCommand.CONNECT, null, "Patient/member")).isTrue();
		assertThat(this.toClients).isEmpty();
	}

	@Test
	void refusesWhatTheRulesRefuseOrNoRuleClaims() {
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/7", "Patient/other")).isFalse();
		assertThat(passes(StompCommand.SUBSCRIBE, "/topic/groups/8", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SUBSCRIBE, "/app/groups/7/send", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SEND, "/topic/groups/7", "Patient/member")).isFalse();
		assertThat(passes(StompCommand.SEND, "/app/somewhere", "Patient/member")).isFalse();

		assertThat(this.toClients).hasSize(5).allSatisfy((error) -> {
			StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
			assertThat(headers.getCommand()).isEqualTo(StompCommand.ERROR);
			assertThat(headers.getMessage()).isEqualTo("You can only follow groups you belong to.");
			assertThat(headers.getSessionId()).isEqualTo("socket-1");
		});
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

	private static UsernamePasswordAuthenticationToken user(String fhirUser) {
		KinshipPrincipal principal = new KinshipPrincipal("sandbox", "https://ehr.example/fhir", fhirUser, "A member",
				KinshipRole.PATIENT, Set.of(), null, null, false, null, null, null, List.of(), Set.of(), Map.of());
		DefaultOAuth2User oauth = new DefaultOAuth2User(AuthorityUtils.NO_AUTHORITIES,
				Map.of("sub", fhirUser, CurrentPrincipal.PRINCIPAL_ATTRIBUTE, principal), "sub");
		return new UsernamePasswordAuthenticationToken(oauth, null, AuthorityUtils.NO_AUTHORITIES);
	}

}
