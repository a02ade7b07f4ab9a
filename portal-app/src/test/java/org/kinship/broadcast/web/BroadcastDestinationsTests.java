package org.kinship.broadcast.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastDestinationsTests {

	private final KinshipPrincipal member = new KinshipPrincipal("sandbox", "https://ehr.example/fhir",
			"Patient/member", "A member", KinshipRole.PATIENT, Set.of(), null, null, false, null, null, null, List.of(),
			Set.of(), Map.of());

	private final BroadcastDestinations rule = new BroadcastDestinations();

	@Test
	void membersFollowTheirOwnBroadcastQueuesOnly() {
		assertThat(this.rule.maySubscribe(this.member, "/user/queue/broadcasts")).isTrue();
		assertThat(this.rule.maySubscribe(this.member, "/user/queue/broadcast-acks")).isTrue();
		assertThat(this.rule.maySubscribe(this.member, "/topic/broadcasts")).isFalse();
		assertThat(this.rule.maySubscribe(this.member, "/user/queue/notices")).isFalse();
	}

	@Test
	void membersSendOnlyAcknowledgements() {
		assertThat(this.rule.maySend(this.member, "/app/broadcasts/42/acknowledge")).isTrue();
		assertThat(this.rule.maySend(this.member, "/app/broadcasts/42/delete")).isFalse();
		assertThat(this.rule.maySend(this.member, "/app/broadcasts/x/acknowledge")).isFalse();
	}

}
