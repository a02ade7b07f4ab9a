package org.kinship.chat.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.chat.Chat;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ChatDestinationsTests {

	private final KinshipPrincipal member = new KinshipPrincipal("sandbox", "https://ehr.example/fhir",
			"Patient/member", "A member", KinshipRole.PATIENT, Set.of(), null, null, false, null, null, null, List.of(),
			Set.of(), Map.of());

	private final Chat chat = mock(Chat.class);

	private final ChatDestinations rule = new ChatDestinations(this.chat);

	@Test
	void aGroupsTopicsAreFollowedOnlyWithASeat() {
		given(this.chat.mayFollow(this.member, 7)).willReturn(true);

		for (String topic : List.of("/topic/groups/7", "/topic/groups/7/activity", "/topic/groups/7/controls")) {
			assertThat(this.rule.maySubscribe(this.member, topic)).as(topic).isTrue();
		}
		for (String topic : List.of("/topic/groups/8", "/topic/groups/8/activity", "/topic/groups/7/other",
				"/topic/groups/*", "/topic/groups/7/", "/topic/groups/1234567890123456789")) {
			assertThat(this.rule.maySubscribe(this.member, topic)).as(topic).isFalse();
		}
	}

	@Test
	void theMembersOwnQueuesAreOpenAndNoOneElses() {
		assertThat(this.rule.maySubscribe(this.member, "/user/queue/replies")).isTrue();
		assertThat(this.rule.maySubscribe(this.member, "/user/queue/history")).isTrue();
		assertThat(this.rule.maySubscribe(this.member, "/queue/replies-user1")).isFalse();
		assertThat(this.rule.maySubscribe(this.member, "/user/other/queue/replies")).isFalse();
	}

	@Test
	void sendsGoOnlyToTheChatsHandlers() {
		for (String action : List.of("send", "change", "since", "read", "presence", "typing")) {
			assertThat(this.rule.maySend(this.member, "/app/groups/7/" + action)).as(action).isTrue();
		}
		assertThat(this.rule.maySend(this.member, "/app/groups/7/delete")).isFalse();
		assertThat(this.rule.maySend(this.member, "/topic/groups/7")).isFalse();
		assertThat(this.rule.maySend(this.member, "/app/broadcasts/7/acknowledge")).isFalse();
	}

}
