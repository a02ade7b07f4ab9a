package org.kinship.review.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.escalation.FirstResponses;
import org.kinship.escalation.ResponseTimes;
import org.kinship.escalation.ResponseTimes.Figures;
import org.kinship.conversations.Conversations;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.ModerationSettings.Settings;
import org.kinship.review.SettingsDesk;
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
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ SettingsController.class, MemberFileController.class })
class SettingsControllerTests {

	// the pages' time-zone interceptor and templates (@kinshipTimes) ask it for the zone
	@MockitoBean(name = "kinshipTimes")
	MemberTimes memberTimes;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SettingsDesk desk;

	@MockitoBean
	org.kinship.review.MemberFiles files;

	@MockitoBean
	BroadcastInbox inbox;

	@MockitoBean
	FirstResponses firstResponses;

	@MockitoBean
	Conversations conversations;

	@BeforeEach
	void signIn() {
		SignedIn.as(SignedIn.patient("p-1"));
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void aScopeThePersonMayNotChangeIsForbidden() throws Exception {
		given(this.desk.words(any(), anyLong())).willThrow(new Refused("review.error.not-yours"));
		given(this.desk.scope(any(), anyLong())).willThrow(new Refused("review.error.not-yours"));
		given(this.files.file(any(), anyLong(), anyString())).willThrow(new Refused("review.error.not-yours"));

		this.mvc.perform(get("/review/words")).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/groups/5/words")).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/settings")).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/groups/5/settings")).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/groups/5/member").param("member", "Patient/p-2"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCommunitysSettingsShowTheTimeToFirstResponseAgainstTheTarget() throws Exception {
		SignedIn.as(SignedIn.manager("m-1"));
		given(this.desk.scope(any(), eq(ModerationSettings.COMMUNITY))).willReturn(new SettingsDesk.Scope(null,
				new Overrides(null, null, null, null), new Settings(2, false, 3, Duration.ofMinutes(15))));
		Figures figures = new Figures(4, 3, 1, Duration.ofSeconds(245), 3, 2);
		given(this.firstResponses.ofCommunity(any())).willReturn(new ResponseTimes(Duration.ofDays(30), figures,
				List.of(new ResponseTimes.GroupFigures(5, "Epilepsy <circle>", Duration.ofMinutes(15), figures))));

		String page = this.mvc.perform(get("/review/settings"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Time to first response, last 30 days")
			.contains("Epilepsy &lt;circle&gt;")
			.contains("<td>15:00</td>")
			.contains("4 (1 waiting, still within target)")
			.contains("<td class=\"median\">4:05</td>")
			.contains("67 % (2 of 3)");
	}

	@Test
	void refusedWordsGoBackToTheListWithTheWordsAsTyped() throws Exception {
		given(this.desk.addWords(any(), eq(5L), any(), any())).willThrow(new Refused("review.error.term-long", 80));

		var result = this.mvc
			.perform(post("/review/groups/5/words").param("terms", "a very long phrase").param("action", "FLAG"))
			.andExpect(redirectedUrl("/review/groups/5/words"))
			.andExpect(flash().attribute("typed", "a very long phrase"))
			.andReturn();

		Problem problem = (Problem) result.getFlashMap().get("problem");
		assertThat(problem.key()).isEqualTo("review.error.term-long");
		assertThat(problem.args()).containsExactly(80);
	}

	@Test
	void refusedCommunitySettingsGoBackToTheirPage() throws Exception {
		org.mockito.BDDMockito.willThrow(new Refused("review.error.range", 0, 10))
			.given(this.desk)
			.save(any(), eq(ModerationSettings.COMMUNITY), any());

		var result = this.mvc.perform(post("/review/settings").param("newMemberPosts", "99"))
			.andExpect(redirectedUrl("/review/settings"))
			.andReturn();

		assertThat(((Problem) result.getFlashMap().get("problem")).key()).isEqualTo("review.error.range");
		assertThat(result.getFlashMap().get("notice")).isNull();
	}

	@Test
	void aRefusedSanctionGoesBackToTheMembersFile() throws Exception {
		org.mockito.BDDMockito.willThrow(new Refused("review.error.reason-needed"))
			.given(this.files)
			.sanction(any(), eq(5L), eq("Patient/p-2"), any(), any(), any());

		var result = this.mvc
			.perform(post("/review/groups/5/member/sanctions").param("member", "Patient/p-2").param("kind", "MUTE"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/review/groups/5/member?member=Patient/p-2");
		assertThat(((Problem) result.getFlashMap().get("problem")).key()).isEqualTo("review.error.reason-needed");
	}

}
