package org.kinship.review.web;

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

class ReviewDestinationsTests {

	private final KinshipPrincipal facilitator = new KinshipPrincipal("sandbox", "https://ehr.example/fhir",
			"Practitioner/facilitator", "A facilitator", KinshipRole.CLINICIAN, Set.of(), null, null, false, null, null,
			null, List.of(), Set.of(), Map.of());

	private final Chat chat = mock(Chat.class);

	private final ReviewDestinations rule = new ReviewDestinations(this.chat);

	@Test
	void aGroupsReviewQueueIsFollowedOnlyByItsStaff() {
		given(this.chat.mayModerate(this.facilitator, 7)).willReturn(true);

		assertThat(this.rule.maySubscribe(this.facilitator, "/topic/review/7")).isTrue();
		assertThat(this.rule.maySubscribe(this.facilitator, "/topic/review/8")).isFalse();
		assertThat(this.rule.maySubscribe(this.facilitator, "/topic/review/7/more")).isFalse();
	}

	@Test
	void decisionsReachTheMembersOwnQueueAndNothingIsSentHere() {
		assertThat(this.rule.maySubscribe(this.facilitator, "/user/queue/notices")).isTrue();
		assertThat(this.rule.maySubscribe(this.facilitator, "/topic/groups/7")).isFalse();
		assertThat(this.rule.maySend(this.facilitator, "/app/groups/7/send")).isFalse();
	}

}
