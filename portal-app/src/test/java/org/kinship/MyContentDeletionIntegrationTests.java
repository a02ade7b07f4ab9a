package org.kinship;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.insights.Insights;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.ContactForm;
import org.kinship.notifications.NotificationSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Delete my content" on the real MariaDB deletes what every module keeps about the
 * person, not only their memberships: check-in answers, the insights contribution, the
 * notification address and choices. Someone else's stays. And "Download my data" holds
 * what the person wrote and answered in every module, and nothing of anyone else's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyContentDeletionIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	Insights insights;

	@Autowired
	NotificationSettings notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Chat chat;

	@Test
	void deletingMyContentLeavesNothingOfMeInAnyModule() throws Exception {
		StaffedGroups community = StaffedGroups.in(this.context);
		Staffed circle = community.group("Forgetting");
		KinshipPrincipal robin = community.member(circle.group(), "Robin");
		KinshipPrincipal sky = community.member(circle.group(), "Sky");
		planSeizureCheckins(circle);
		for (KinshipPrincipal member : new KinshipPrincipal[] { robin, sky }) {
			answerSeizureCheckin(circle, member, 2);
			this.insights.contribute(member);
			this.notifications.saveContact(member,
					new ContactForm(member.patientId() + "@example.org", "en", "Europe/Madrid", "22:00", "07:00"));
			this.notifications.saveGroup(member, circle.group().id(), "every", true, false);
		}
		assertThat(kept(robin)).as("before").containsExactly(1L, 1L, 1L, 1L);

		MockHttpSession session = StaffedGroups.session(robin);
		this.mvc
			.perform(post("/me/delete").session(session)
				.param("_csrf", StaffedGroups.csrf(this.mvc, session))
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection());

		assertThat(kept(robin)).as("answers, contribution, address, choices").containsExactly(0L, 0L, 0L, 0L);
		assertThat(kept(sky)).as("another member's stay").containsExactly(1L, 1L, 1L, 1L);
	}

	@Test
	void myDownloadHoldsMyMessagesAndCheckinsAndNothingOfAnyoneElse() throws Exception {
		StaffedGroups community = StaffedGroups.in(this.context);
		Staffed circle = community.group("Downloading");
		KinshipPrincipal robin = community.member(circle.group(), "Robin");
		KinshipPrincipal sky = community.member(circle.group(), "Sky");
		planSeizureCheckins(circle);
		answerSeizureCheckin(circle, robin, 2);
		answerSeizureCheckin(circle, sky, 3);
		this.chat.send(robin, circle.group().id(),
				new SendCommand(UUID.randomUUID().toString(), "Robin writes about the new routine", null));
		this.chat.send(sky, circle.group().id(),
				new SendCommand(UUID.randomUUID().toString(), "Sky writes about the weekend", null));

		String download = this.mvc.perform(get("/me/data.json").session(StaffedGroups.session(robin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(download).contains("\"messages\"")
			.contains("Robin writes about the new routine")
			.contains("\"checkins\"")
			.contains("\"questionnaire\":\"seizure-count\"")
			.contains("\"seizure-1\":2")
			.contains("\"group\":\"" + circle.group().name() + "\"")
			.doesNotContain("Sky writes", "\"seizure-1\":3", sky.fhirUser());
	}

	private void planSeizureCheckins(Staffed circle) throws Exception {
		MockHttpSession staff = StaffedGroups.session(circle.facilitator());
		this.mvc
			.perform(post("/checkins/groups/{id}/plan", circle.group().id()).session(staff)
				.param("_csrf", StaffedGroups.csrf(this.mvc, staff))
				.param("chosen", "seizure-count")
				.param("every-seizure-count", "7"))
			.andExpect(status().is3xxRedirection());
	}

	private void answerSeizureCheckin(Staffed circle, KinshipPrincipal member, int seizures) throws Exception {
		MockHttpSession session = StaffedGroups.session(member);
		this.mvc
			.perform(post("/checkins/groups/{id}/{q}", circle.group().id(), "seizure-count").session(session)
				.param("_csrf", StaffedGroups.csrf(this.mvc, session))
				.param("submission", UUID.randomUUID().toString())
				.param("seizure-1", String.valueOf(seizures)))
			.andExpect(status().is3xxRedirection());
	}

	private java.util.List<Long> kept(KinshipPrincipal member) {
		return java.util.List.of(count("SELECT COUNT(*) FROM checkin_answer WHERE member = ?", member),
				count("SELECT COUNT(*) FROM insight_contributor WHERE member = ?", member),
				count("SELECT COUNT(*) FROM notify_contact WHERE fhir_user = ?", member),
				count("SELECT COUNT(*) FROM notify_preference WHERE fhir_user = ?", member));
	}

	private long count(String sql, KinshipPrincipal member) {
		return this.jdbc.sql(sql).param(member.fhirUser()).query(Long.class).single();
	}

}
