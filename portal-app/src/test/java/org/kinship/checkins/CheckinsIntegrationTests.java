package org.kinship.checkins;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Check-ins through the whole security chain on the real MariaDB: staff choose them,
 * members answer; partial answers and values out of range come back with what was chosen
 * and nothing stored; a form sent twice is stored once; a PHQ-2 of 3 or more shows the
 * crisis resources and puts one urgent card in the group's review queue, which its staff
 * see.
 */
@SpringBootTest(properties = { "kinship.chat.crisis.sandbox-es.emergency=112",
		"kinship.chat.crisis.sandbox-es.lines[0].name=Teléfono de la Esperanza",
		"kinship.chat.crisis.sandbox-es.lines[0].call=717 003 717",
		"kinship.chat.crisis.sandbox-es.lines[0].hours=24/7" })
@AutoConfigureMockMvc
class CheckinsIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewQueue queue;

	@Autowired
	JdbcClient jdbc;

	private Staffed circle;

	private KinshipPrincipal member;

	private MockHttpSession memberSession;

	@BeforeEach
	void aGroupRunningPhq2AndSeizureCounts() throws Exception {
		StaffedGroups community = StaffedGroups.in(this.context);
		this.circle = community.group("Checkins");
		this.member = community.member(this.circle.group(), "Robin");
		this.memberSession = StaffedGroups.session(this.member);
		MockHttpSession staff = StaffedGroups.session(this.circle.facilitator());
		this.mvc
			.perform(post("/checkins/groups/{id}/plan", groupId()).session(staff)
				.param("_csrf", StaffedGroups.csrf(this.mvc, staff))
				.param("chosen", "phq-2", "seizure-count")
				.param("every-phq-2", "14")
				.param("every-seizure-count", "7"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theGroupPageOffersAMemberTheChosenCheckins() throws Exception {
		String page = this.mvc.perform(get("/groups/{slug}", this.circle.group().slug()).session(this.memberSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"checkin-phq-2\"", "id=\"checkin-seizure-count\"")
			.doesNotContain("id=\"checkin-gad-2\"");
	}

	@Test
	void aPartialAnswerComesBackWithWhatWasChosenAndNothingStored() throws Exception {
		String page = answer("phq-2", UUID.randomUUID().toString(), "phq2-1", "LA6569-3").andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Please answer question 2");
		assertThat(page).containsPattern("value=\"LA6569-3\"\\s+checked");
		assertThat(stored()).isZero();
	}

	@Test
	void aNumberOutOfRangeIsRefusedWithItsRange() throws Exception {
		String page = answer("seizure-count", UUID.randomUUID().toString(), "seizure-1", "600")
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Question 1 needs a whole number from 0 to 500.").contains("value=\"600\"");
		answer("seizure-count", UUID.randomUUID().toString(), "seizure-1", "-1").andExpect(status().is(422));
		answer("seizure-count", UUID.randomUUID().toString(), "seizure-1", "two").andExpect(status().is(422));
		assertThat(stored()).isZero();
	}

	@Test
	void aFormSentTwiceIsStoredOnce() throws Exception {
		String submission = UUID.randomUUID().toString();
		String first = answer("seizure-count", submission, "seizure-1", "2").andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = answer("seizure-count", submission, "seizure-1", "2").andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(first).startsWith("/checkins/answers/").isEqualTo(second);
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aPhq2OfThreeShowsTheCrisisResourcesAndRaisesOneUrgentCard() throws Exception {
		String submission = UUID.randomUUID().toString();
		String answerUrl = answer("phq-2", submission, "phq2-1", "LA6570-1", "phq2-2", "LA6569-3").andReturn()
			.getResponse()
			.getRedirectedUrl();
		answer("phq-2", submission, "phq2-1", "LA6570-1", "phq2-2", "LA6569-3");
		String page = this.mvc.perform(get(answerUrl).session(this.memberSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"crisis\"", "Call or text 988", "Score: 3.");

		List<Item> cards = this.queue.open(this.member.issuer(), List.of(groupId()));
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).kind()).isEqualTo(Kind.ESCALATED);
		assertThat(cards.get(0).urgent()).isTrue();
		assertThat(cards.get(0).author()).isEqualTo(this.member.fhirUser());

		String review = this.mvc.perform(get("/review").session(StaffedGroups.session(this.circle.facilitator())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(review).contains("Check-in answer showing risk: PHQ-2");
	}

	@Test
	void anAnswerShowingRiskOffersTheCommunitysOwnCrisisLinesInItsLanguage() throws Exception {
		String answerUrl = answer("phq-2", UUID.randomUUID().toString(), "phq2-1", "LA6571-9", "phq2-2", "LA6569-3")
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String spanish = this.mvc
			.perform(get(answerUrl).session(this.memberSession)
				.locale(Locale.forLanguageTag("es"))
				.header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// not the United States' line; not the bare digits, which the member's name in
		// these tests may hold (a random id)
		assertThat(spanish).contains("id=\"crisis-lines\"", "Teléfono de la Esperanza", "href=\"tel:717003717\"", "112")
			.doesNotContain("tel:988", "al 988", "988lifeline");
	}

	@Test
	void aLowPhq2RaisesNothing() throws Exception {
		answer("phq-2", UUID.randomUUID().toString(), "phq2-1", "LA6569-3", "phq2-2", "LA6569-3")
			.andExpect(status().is3xxRedirection());
		assertThat(this.queue.open(this.member.issuer(), List.of(groupId()))).isEmpty();
	}

	@Test
	void onlyMembersAnswerAndOnlyStaffChoose() throws Exception {
		MockHttpSession staff = StaffedGroups.session(this.circle.facilitator());
		this.mvc.perform(get("/checkins/groups/{id}/phq-2", groupId()).session(staff))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/checkins/groups/{id}/plan", groupId()).session(this.memberSession)
				.param("_csrf", StaffedGroups.csrf(this.mvc, this.memberSession))
				.param("chosen", "gad-2"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/checkins/groups/{id}/gad-2", groupId()).session(this.memberSession))
			.andExpect(status().isNotFound());
	}

	private org.springframework.test.web.servlet.ResultActions answer(String questionnaire, String submission,
			String... pairs) throws Exception {
		var request = post("/checkins/groups/{id}/{q}", groupId(), questionnaire).session(this.memberSession)
			.param("_csrf", StaffedGroups.csrf(this.mvc, this.memberSession))
			.param("submission", submission);
		for (int i = 0; i < pairs.length; i += 2) {
			request.param(pairs[i], pairs[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private long stored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM checkin_answer WHERE member = ?")
			.param(this.member.fhirUser())
			.query(Long.class)
			.single();
	}

	private long groupId() {
		return this.circle.group().id();
	}

}
