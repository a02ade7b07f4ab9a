package org.kinship.treatments;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import org.kinship.chat.Chat;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.ChatModeration;
import org.kinship.chat.SendCommand;
import org.kinship.chat.Treatment;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.simp.SimpAttributes;
import org.springframework.messaging.simp.SimpAttributesContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tagging messages with a treatment and the treatment's page across groups: a member tags
 * only with an ingredient of their own record's medicines, over HTTP and over STOMP; the
 * page shows only what the viewer reads, and how many members discuss it only from 11.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class TreatmentsIntegrationTests extends OnMariaDb {

	private static final String METFORMIN = "6809";

	private static final String FUROSEMIDE = "4603";

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	@Autowired
	ChatModeration chatModeration;

	@Autowired
	MockMvc mvc;

	private StaffedGroups community;

	private Staffed circle;

	private Staffed elsewhere;

	private KinshipPrincipal wren;

	private KinshipPrincipal finch;

	@BeforeEach
	void twoGroups() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Diabetes circle");
		this.elsewhere = this.community.group("Heart circle");
		this.wren = this.community.member(this.circle.group(), "Wren");
		this.finch = this.community.member(this.elsewhere.group(), "Finch");
	}

	@AfterEach
	void leaveTheThread() {
		RequestContextHolder.resetRequestAttributes();
		SimpAttributesContextHolder.resetAttributes();
	}

	@Test
	void refusesOverHttpATreatmentThatIsNotInTheSendersRecord() throws Exception {
		MockHttpSession session = StaffedGroups.session(this.wren);
		session.setAttribute(SessionRecords.class.getName(), metforminRecord(this.wren));
		String csrf = StaffedGroups.csrf(this.mvc, session);

		String refused = this.mvc
			.perform(post("/chat/groups/{id}/messages", this.circle.group().id()).session(session)
				.param("_csrf", csrf)
				.contentType(MediaType.APPLICATION_JSON)
				.content(command("About my water pills", FUROSEMIDE)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("one of your own medicines");
		assertThat(this.chat.history(this.wren, this.circle.group().id(), Long.MAX_VALUE)).isEmpty();

		String stored = this.mvc
			.perform(post("/chat/groups/{id}/messages", this.circle.group().id()).session(session)
				.param("_csrf", csrf)
				.contentType(MediaType.APPLICATION_JSON)
				.content(command("Metformin upsets my stomach in the morning", METFORMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stored).contains("\"rxcui\":\"6809\"");
		assertThat(this.chat.history(this.wren, this.circle.group().id(), Long.MAX_VALUE))
			.extracting(ChatMessage::treatment)
			.containsExactly(new Treatment(METFORMIN, "metformin", "metformina"));
	}

	@Test
	void refusesOverStompATreatmentThatIsNotInTheSendersRecord() {
		// a STOMP frame is handled with the socket's copy of the session's attributes
		HashMap<String, Object> socket = new HashMap<>();
		socket.put(SessionRecords.class.getName(), metforminRecord(this.wren));
		SimpAttributesContextHolder.setAttributes(new SimpAttributes("socket-1", socket));

		assertThatThrownBy(() -> this.chat.send(this.wren, this.circle.group().id(),
				new SendCommand(clientId(), "About my water pills", null, FUROSEMIDE)))
			.isInstanceOf(Refused.class)
			.extracting((refusal) -> ((Refused) refusal).messageKey())
			.isEqualTo("chat.error.treatment");
		SimpAttributesContextHolder.resetAttributes();
		assertThatThrownBy(() -> this.chat.send(this.wren, this.circle.group().id(),
				new SendCommand(clientId(), "No record read in this visit", null, METFORMIN)))
			.as("no record held: nothing to choose from")
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> this.chat.send(this.circle.facilitator(), this.circle.group().id(),
				new SendCommand(clientId(), "A clinician has no own medicine here", null, METFORMIN)))
			.isInstanceOf(Refused.class);
		assertThat(this.chat.history(this.wren, this.circle.group().id(), Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void thePageNeverShowsMessagesOfAGroupTheViewerIsNotIn() throws Exception {
		ChatMessage mine = tagged(this.wren, this.circle, "Metformin made me queasy at first");
		tagged(this.finch, this.elsewhere, "Metformin and my heart pills together");
		ChatMessage hidden = tagged(this.wren, this.circle, "A hidden metformin message");
		this.chatModeration.hide(this.circle.group().id(), hidden.id());

		String page = this.mvc.perform(get("/treatments/" + METFORMIN).session(StaffedGroups.session(this.wren)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Metformin made me queasy at first")
			.contains("/groups/" + this.circle.group().slug() + "?at=" + mine.id() + "#m-" + mine.id())
			.doesNotContain("my heart pills")
			.doesNotContain(this.elsewhere.group().name())
			.doesNotContain("A hidden metformin message");

		String overview = this.mvc.perform(get("/treatments").session(StaffedGroups.session(this.finch)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("/treatments/" + METFORMIN);
	}

	@Test
	void countsMembersDiscussingItOnlyFromEleven() throws Exception {
		tagged(this.wren, this.circle, "One of ten");
		for (int i = 1; i < 10; i++) {
			tagged(this.community.member(this.circle.group(), "Member"), this.circle, "Another of ten");
		}
		assertThat(discussing()).isEqualTo("fewer than 11");

		tagged(this.community.member(this.circle.group(), "Eleventh"), this.circle, "The eleventh");
		assertThat(discussing()).isEqualTo("11 to 15");
	}

	private String discussing() throws Exception {
		String page = this.mvc.perform(get("/treatments/" + METFORMIN).session(StaffedGroups.session(this.wren)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var found = java.util.regex.Pattern.compile("id=\"treatment-discussing\">([^<]*)<").matcher(page);
		assertThat(found.find()).isTrue();
		return found.group(1);
	}

	/** A message tagged with metformin, sent with the member's record in the session. */
	private ChatMessage tagged(KinshipPrincipal member, Staffed group, String text) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(SessionRecords.class.getName(), metforminRecord(member));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return this.chat.send(member, group.group().id(), new SendCommand(clientId(), text, null, METFORMIN))
				.message();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static CarePlanRecord metforminRecord(KinshipPrincipal patient) {
		List<MedicationCard> cards = List
			.of(new MedicationCard("m1", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", null,
					null, Concerns.NONE, List.of("860975")));
		return new CarePlanRecord(patient.issuer(), patient.patientId(), null, Instant.now(), false,
				Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN),
				new Section<>(SectionStatus.SHOWN, cards, null, false), Section.missing(SectionStatus.SHOWN),
				Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN));
	}

	private static String command(String text, String treatment) {
		return "{\"clientId\":\"" + clientId() + "\",\"text\":\"" + text + "\",\"treatment\":\"" + treatment + "\"}";
	}

	private static String clientId() {
		return UUID.randomUUID().toString();
	}

}
