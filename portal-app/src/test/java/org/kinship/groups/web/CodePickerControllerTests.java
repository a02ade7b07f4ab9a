package org.kinship.groups.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.conversations.Conversations;
import org.kinship.groups.CodeCatalog;
import org.kinship.shared.web.SignedIn;
import org.kinship.times.MemberTimes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CodePickerController.class)
@Import(CodeCatalog.class)
class CodePickerControllerTests {

	@MockitoBean(name = "kinshipTimes")
	MemberTimes memberTimes;

	@MockitoBean
	BroadcastInbox inbox;

	@MockitoBean
	Conversations conversations;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void offersACommunityManagerCodesByNameInTheirLanguage() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));

		this.mvc
			.perform(get("/manage/codes").param("q", "heart failure")
				.param("systems", "snomed,icd10")
				.header("Accept-Language", "es")
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("84114007")))
			.andExpect(jsonPath("$[*].code", hasItem("I50.*")))
			.andExpect(jsonPath("$[?(@.code == '84114007')].name", hasItem("Insuficiencia card\u00edaca")))
			.andExpect(jsonPath("$[*].system", everyItem(is(org.hamcrest.Matchers.oneOf("snomed", "icd10")))));
	}

	@Test
	void namesTheCodesAlreadyInAForm() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));

		this.mvc.perform(get("/manage/codes/named").param("snomed", "44054006 123").param("rxnorm", "6809"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.contains("44054006", "6809")))
			.andExpect(jsonPath("$[1].name", is("metformin")));
	}

	@Test
	void answersNoOneButCommunityManagers() throws Exception {
		SignedIn.as(SignedIn.patient("Patient/p-1"));

		this.mvc.perform(get("/manage/codes").param("q", "diabetes")).andExpect(status().isForbidden());
		this.mvc.perform(get("/manage/codes/named").param("snomed", "44054006")).andExpect(status().isForbidden());
	}

	@Test
	void refusesASystemItDoesNotKnow() throws Exception {
		SignedIn.as(SignedIn.manager("cm-1"));

		this.mvc.perform(get("/manage/codes").param("q", "diabetes").param("systems", "loinc"))
			.andExpect(status().isBadRequest());
	}

}
