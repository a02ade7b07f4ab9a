package org.kinship.broadcast.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.broadcast.AudienceSpec;
import org.kinship.broadcast.BroadcastForm;
import org.kinship.broadcast.Broadcasting;
import org.kinship.broadcast.Priority;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The header's broadcast strip through the whole security chain and the real MariaDB: a
 * broadcast counts as delivered to a member when a page has shown it in the header, not
 * when a page's script fetched a fragment without one (the live sessions, the care-plan
 * panel).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BroadcastStripIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Broadcasting broadcasting;

	@Test
	void aBroadcastIsDeliveredByAPageWithTheHeaderAndNotByAFragment() throws Exception {
		StaffedGroups community = StaffedGroups.in(this.context);
		Staffed circle = community.group("Strip");
		KinshipPrincipal member = community.member(circle.group(), "Linnet");
		KinshipPrincipal manager = community.manager();
		long id = this.broadcasting.save(manager, null,
				new BroadcastForm(UUID.randomUUID().toString(), "Clinic closed Friday", "Call the nurse line instead.",
						Priority.IMPORTANT, AudienceSpec.Kind.GROUPS, List.of(circle.group().id()), "", "", "", "",
						""));
		this.broadcasting.send(manager, id);
		MockHttpSession session = StaffedGroups.session(member);

		this.mvc.perform(get("/sessions/groups/" + circle.group().id()).session(session)).andExpect(status().isOk());
		assertThat(this.broadcasting.tracking(manager, id).counts().delivered()).as("a fragment shows no header")
			.isZero();

		String page = this.mvc.perform(get("/groups").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Clinic closed Friday");
		assertThat(this.broadcasting.tracking(manager, id).counts().delivered()).isEqualTo(1);
	}

}
