package org.kinship.escalation.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.conversations.Conversations;
import org.kinship.escalation.CareTeamAlerts;
import org.kinship.shared.Refused;
import org.kinship.shared.web.Problem;
import org.kinship.shared.web.SignedIn;
import org.kinship.times.MemberTimes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@WebMvcTest(CareTeamAlertController.class)
class CareTeamAlertControllerTests {

	// the pages' time-zone interceptor and templates (@kinshipTimes) ask it for the zone
	@MockitoBean(name = "kinshipTimes")
	MemberTimes memberTimes;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CareTeamAlerts alerts;

	@MockitoBean
	BroadcastInbox inbox;

	@MockitoBean
	Conversations conversations;

	@BeforeEach
	void signIn() {
		SignedIn.as(SignedIn.manager("m-1"));
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void aSecondTryGoesBackToTheQueueSayingItIsUnderWay() throws Exception {
		var result = this.mvc.perform(post("/review/items/7/care-team-alert"))
			.andExpect(redirectedUrl("/review"))
			.andReturn();

		then(this.alerts).should().retry(any(), eq(7L));
		assertThat(result.getFlashMap().get("notice")).isEqualTo("escalation.alert.retrying");
	}

	@Test
	void aRefusedTryGoesBackToTheQueueWithTheReason() throws Exception {
		willThrow(new Refused("escalation.error.not-failed")).given(this.alerts).retry(any(), eq(7L));

		var result = this.mvc.perform(post("/review/items/7/care-team-alert"))
			.andExpect(redirectedUrl("/review"))
			.andReturn();

		assertThat(((Problem) result.getFlashMap().get("problem")).key()).isEqualTo("escalation.error.not-failed");
	}

}
