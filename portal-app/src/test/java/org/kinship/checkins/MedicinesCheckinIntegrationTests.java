package org.kinship.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.Concerns;
import org.kinship.careplan.internal.MedicationCard;
import org.kinship.careplan.internal.Section;
import org.kinship.careplan.internal.SectionStatus;
import org.kinship.careplan.internal.SessionRecords;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.internal.ScreeningEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The medicines check-in through the whole security chain on the real MariaDB, for a
 * member whose session holds their record as the care-plan panel left it (two active
 * medicines): one question per medicine of their own; answers counted and shown medicine
 * by medicine; running out raises an urgent care-distress card for the group's
 * facilitators and shows the member the crisis resources and their care team, once
 * however often the form is sent; stopping one asks a facilitator to look; neither card
 * names the medicine; an answer about a medicine not theirs, or one that is no answer, is
 * refused with nothing stored; a member without active medicines is told there is nothing
 * to answer; the answers stay out of the group's insights.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MedicinesCheckinIntegrationTests extends OnMariaDb {

	private static final String FUROSEMIDE = "med-mr-furosemide";

	private static final String METFORMIN = "med-mr-metformin";

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewQueue queue;

	@Autowired
	CheckinStats stats;

	@Autowired
	JdbcClient jdbc;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal member;

	private MockHttpSession memberSession;

	@BeforeEach
	void aGroupRunningTheMedicinesCheckin() throws Exception {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Medicines");
		this.member = this.community.member(this.circle.group(), "Sam");
		this.memberSession = withRecord(this.member, medicine("mr-furosemide", "Furosemide 40 MG Oral Tablet"),
				medicine("mr-metformin", "Metformin 500 MG Extended Release Oral Tablet"));
		MockHttpSession staff = StaffedGroups.session(this.circle.facilitator());
		this.mvc
			.perform(post("/checkins/groups/{id}/plan", groupId()).session(staff)
				.param("_csrf", StaffedGroups.csrf(this.mvc, staff))
				.param("chosen", "medication-adherence")
				.param("every-medication-adherence", "7"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void asksOneQuestionPerActiveMedicineOfTheMembersOwnRecord() throws Exception {
		String group = page("/groups/" + this.circle.group().slug());
		assertThat(group).contains("id=\"checkin-medication-adherence\"", "Your medicines this week");

		String form = page("/checkins/groups/" + groupId() + "/medication-adherence");
		assertThat(form).contains("id=\"q-" + FUROSEMIDE + "\"", "Furosemide 40 MG Oral Tablet",
				"id=\"q-" + METFORMIN + "\"", "Metformin 500 MG Extended Release Oral Tablet", "Ran out",
				"Stopped taking it", "Having side effects");
	}

	@Test
	void asksInSpanishWithTheMedicinesAsTheRecordNamesThem() throws Exception {
		String form = this.mvc
			.perform(get("/checkins/groups/{id}/medication-adherence", groupId()).session(this.memberSession)
				.locale(Locale.forLanguageTag("es"))
				.header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Sus medicamentos esta semana", "cómo ha tomado cada uno de sus medicamentos",
				"Furosemide 40 MG Oral Tablet", "Tomado como me lo recetaron", "Se me acabó", "Dejé de tomarlo");
	}

	@Test
	void countsTheMedicinesNotTakenAsPrescribedAndRaisesNothingForMissedDoses() throws Exception {
		String answerUrl = answer(UUID.randomUUID().toString(), FUROSEMIDE, "missed-doses", METFORMIN, "side-effects")
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = page(answerUrl);
		assertThat(page).contains("Not every medicine taken as prescribed", "Missed some doses", "Having side effects")
			.doesNotContain("id=\"crisis\"")
			.doesNotContain("id=\"care-team-note\"");
		assertThat(storedScore()).isEqualTo(2);
		assertThat(this.queue.open(this.member.issuer(), List.of(groupId()))).isEmpty();
	}

	@Test
	void runningOutRaisesOneUrgentCareDistressCardAndShowsTheCrisisResources() throws Exception {
		String submission = UUID.randomUUID().toString();
		String answerUrl = answer(submission, FUROSEMIDE, "ran-out", METFORMIN, "taken-as-prescribed").andReturn()
			.getResponse()
			.getRedirectedUrl();
		String again = answer(submission, FUROSEMIDE, "ran-out", METFORMIN, "taken-as-prescribed").andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(again).isEqualTo(answerUrl);
		assertThat(stored()).isEqualTo(1);

		String page = page(answerUrl);
		assertThat(page).contains("id=\"crisis\"", "Call or text 988", "id=\"crisis-care-team\"",
				"/groups/" + this.circle.group().slug() + "/care-plan#careplan-care-team");

		List<Item> cards = this.queue.open(this.member.issuer(), List.of(groupId()));
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).kind()).isEqualTo(Kind.ESCALATED);
		assertThat(cards.get(0).urgent()).isTrue();
		assertThat(cards.get(0).dueAt()).isNotNull();
		assertThat(cards.get(0).reasons()).startsWith("care distress: " + ScreeningEngine.CARE_DISTRESS)
			.contains("check-in")
			.doesNotContain("Furosemide");

		String review = page("/review", StaffedGroups.session(this.circle.facilitator()));
		assertThat(review).contains("Check-in answer showing trouble managing care: Your medicines this week")
			.doesNotContain("Furosemide");
	}

	@Test
	void stoppingAMedicineAsksAFacilitatorToLookAndPointsTheMemberToTheirCareTeam() throws Exception {
		String answerUrl = answer(UUID.randomUUID().toString(), FUROSEMIDE, "taken-as-prescribed", METFORMIN, "stopped")
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page(answerUrl)).contains("id=\"care-team-note\"", "Please talk with your care team")
			.doesNotContain("id=\"crisis\"");

		List<Item> cards = this.queue.open(this.member.issuer(), List.of(groupId()));
		assertThat(cards).singleElement().satisfies((card) -> {
			assertThat(card.kind()).isEqualTo(Kind.LOOK);
			assertThat(card.urgent()).isFalse();
			assertThat(card.reasons()).startsWith("care distress: " + ScreeningEngine.POSSIBLE_CARE_DISTRESS)
				.doesNotContain("Metformin");
		});
		assertThat(page("/review", StaffedGroups.session(this.circle.facilitator())))
			.contains("Check-in answer showing possible trouble managing care")
			.doesNotContain("Metformin");
	}

	@Test
	void refusesAnAnswerAboutAMedicineNotTheMembersOwnOrThatIsNoAnswer() throws Exception {
		String page = answer(UUID.randomUUID().toString(), FUROSEMIDE, "ran-out", METFORMIN, "taken-as-prescribed",
				"med-someone-elses", "stopped")
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Answer only about the medicines listed here");
		answer(UUID.randomUUID().toString(), FUROSEMIDE, "ran-out", METFORMIN, "doubled-the-dose")
			.andExpect(status().is(422));
		answer(UUID.randomUUID().toString(), FUROSEMIDE, "5", METFORMIN, "taken-as-prescribed")
			.andExpect(status().is(422));
		answer(UUID.randomUUID().toString(), FUROSEMIDE, "ran-out").andExpect(status().is(422));
		assertThat(stored()).isZero();
		assertThat(this.queue.open(this.member.issuer(), List.of(groupId()))).isEmpty();
	}

	@Test
	void tellsAMemberWithoutActiveMedicinesThatThereIsNothingToAnswer() throws Exception {
		KinshipPrincipal other = this.community.member(this.circle.group(), "Alex");
		MockHttpSession session = withRecord(other);
		String form = page("/checkins/groups/" + groupId() + "/medication-adherence", session);
		assertThat(form).contains("id=\"checkin-nothing\"", "lists no active medicines")
			.doesNotContain("id=\"checkin-form\"");
		this.mvc
			.perform(post("/checkins/groups/{id}/medication-adherence", groupId()).session(session)
				.param("_csrf", StaffedGroups.csrf(this.mvc, session))
				.param("submission", UUID.randomUUID().toString())
				.param(FUROSEMIDE, "ran-out"))
			.andExpect(status().is(422));
		assertThat(this.queue.open(this.member.issuer(), List.of(groupId()))).isEmpty();
	}

	@Test
	void keepsTheAnswersOutOfTheGroupsInsights() throws Exception {
		answer(UUID.randomUUID().toString(), FUROSEMIDE, "missed-doses", METFORMIN, "taken-as-prescribed")
			.andExpect(status().is3xxRedirection());
		assertThat(stored()).isEqualTo(1);
		assertThat(this.stats.plan(groupId())).doesNotContainKey("medication-adherence");
		assertThat(this.stats.answers(groupId(), List.of(this.member.fhirUser()), Instant.EPOCH)).isEmpty();
	}

	private ResultActions answer(String submission, String... pairs) throws Exception {
		var request = post("/checkins/groups/{id}/medication-adherence", groupId()).session(this.memberSession)
			.param("_csrf", StaffedGroups.csrf(this.mvc, this.memberSession))
			.param("submission", submission);
		for (int i = 0; i < pairs.length; i += 2) {
			request.param(pairs[i], pairs[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private String page(String path) throws Exception {
		return page(path, this.memberSession);
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

	/**
	 * The session of a member who opened their group's page, with the record the
	 * care-plan panel read.
	 */
	private static MockHttpSession withRecord(KinshipPrincipal member, MedicationCard... medicines) {
		MockHttpSession session = StaffedGroups.session(member);
		Section<MedicationCard> medications = new Section<>(SectionStatus.SHOWN, List.of(medicines), null, false);
		session.setAttribute(SessionRecords.class.getName(),
				new CarePlanRecord(member.issuer(), member.patientId(), null, Instant.now(), false,
						Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN), medications,
						Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN),
						Section.missing(SectionStatus.SHOWN)));
		return session;
	}

	private static MedicationCard medicine(String id, String name) {
		return new MedicationCard(id, name, "Once a day", null, Concerns.NONE);
	}

	private long stored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM checkin_answer WHERE member = ?")
			.param(this.member.fhirUser())
			.query(Long.class)
			.single();
	}

	private int storedScore() {
		return this.jdbc.sql("SELECT score FROM checkin_answer WHERE member = ?")
			.param(this.member.fhirUser())
			.query(Integer.class)
			.single();
	}

	private long groupId() {
		return this.circle.group().id();
	}

}
