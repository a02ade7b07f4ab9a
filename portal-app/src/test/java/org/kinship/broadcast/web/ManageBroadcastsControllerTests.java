package org.kinship.broadcast.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.broadcast.BroadcastForm;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.broadcast.Broadcasting;
import org.kinship.conversations.Conversations;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ManageBroadcastsController.class)
class ManageBroadcastsControllerTests {

	// the pages' time-zone interceptor and templates (@kinshipTimes) ask it for the zone
	@MockitoBean(name = "kinshipTimes")
	MemberTimes memberTimes;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Broadcasting broadcasting;

	@MockitoBean
	BroadcastInbox inbox;

	@MockitoBean
	Conversations conversations;

	@BeforeEach
	void signIn() {
		SignedIn.as(SignedIn.manager("cm-1"));
		given(this.broadcasting.groupChoices(any())).willReturn(List.of());
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void showsTheFormAgainWithWhatWasTypedWhenItIsRefused() throws Exception {
		given(this.broadcasting.save(any(), isNull(), any())).willThrow(new Refused("broadcast.error.body-long", 2000));

		var result = this.mvc
			.perform(post("/manage/broadcasts/new").param("action", "save")
				.param("title", "Clinic closed Friday")
				.param("body", "A very long body")
				.param("titleEs", "Clínica cerrada el viernes")
				.param("bodyEs", "Un mensaje muy largo")
				.header("Accept-Language", "en"))
			.andExpect(status().is(422))
			.andExpect(view().name("broadcast/compose"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Clinic closed Friday")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Clínica cerrada el viernes")))
			.andReturn();

		Problem problem = (Problem) result.getModelAndView().getModel().get("problem");
		assertThat(problem.key()).isEqualTo("broadcast.error.body-long");
		assertThat(problem.args()).containsExactly(2000);
		BroadcastForm form = (BroadcastForm) result.getModelAndView().getModel().get("form");
		assertThat(form.title()).isEqualTo("Clinic closed Friday");
		assertThat(form.bodyEs()).isEqualTo("Un mensaje muy largo");
	}

	@Test
	void goesBackToTheBroadcastWithTheReasonWhenApprovalIsRefused() throws Exception {
		given(this.broadcasting.approve(any(), eq(7L))).willThrow(new Refused("broadcast.error.own-approval"));

		var result = this.mvc.perform(post("/manage/broadcasts/7/approve"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/manage/broadcasts/7"))
			.andExpect(flash().attributeCount(1))
			.andReturn();

		Problem problem = (Problem) result.getFlashMap().get("problem");
		assertThat(problem.key()).isEqualTo("broadcast.error.own-approval");
	}

	@Test
	void aBroadcastTheManagerCannotSeeIsNotFound() throws Exception {
		given(this.broadcasting.find(any(), anyLong())).willThrow(new Refused("broadcast.error.not-found"));

		this.mvc.perform(get("/manage/broadcasts/8")).andExpect(status().isNotFound());
		this.mvc.perform(post("/manage/broadcasts/8").param("action", "save")).andExpect(status().isNotFound());
		this.mvc.perform(get("/manage/broadcasts/8/pending")).andExpect(status().isNotFound());
	}

	@Test
	void aSavedBroadcastGoesBackToItsPageWithANotice() throws Exception {
		given(this.broadcasting.save(any(), isNull(), any())).willReturn(9L);

		this.mvc.perform(post("/manage/broadcasts/new").param("action", "save").param("title", "Hello"))
			.andExpect(redirectedUrl("/manage/broadcasts/9"))
			.andExpect(flash().attribute("notice", "broadcast.notice.saved"))
			.andExpect(model().attributeDoesNotExist("problem"));
	}

}
