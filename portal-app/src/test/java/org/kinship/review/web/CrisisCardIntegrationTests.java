package org.kinship.review.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.chat.SendResult;
import org.kinship.conversations.Conversations;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.shared.web.Problem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The card of a member who may be in crisis, through the whole security chain and the
 * real MariaDB: one card for a new member's crisis message that is held too, with the
 * crisis actions and no warning; reaching out opens a private conversation; the outcome
 * closes the card once the hold is decided; only the group's staff act on it, and hand it
 * only to one another.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrisisCardIntegrationTests extends OnMariaDb {

	private static final Pattern CARD = Pattern.compile("class=\"review-item[ \"]");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Chat chat;

	@Autowired
	ReviewQueue queue;

	@Autowired
	ModerationLog log;

	@Autowired
	Conversations conversations;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal member;

	private SendResult crisis;

	private Item card;

	@BeforeEach
	void aNewMemberInCrisis() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Circle");
		this.member = this.community.member(this.circle.group(), "Wren");
		this.crisis = this.chat.send(this.member, this.circle.group().id(),
				new SendCommand(UUID.randomUUID().toString(), "I can not go on, I want to end my life", null));
		this.card = this.queue.openFor(this.crisis.message().id()).get(0);
	}

	@Test
	void aHeldCrisisMessageMakesOneCardWithTheCrisisActionsAndNoWarning() throws Exception {
		assertThat(this.crisis.held()).as("a new member's first post").isTrue();
		assertThat(this.queue.openFor(this.crisis.message().id())).singleElement()
			.satisfies((item) -> assertThat(item.kind()).isEqualTo(Kind.ESCALATED));

		String queue = this.mvc.perform(get("/review").session(facilitator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(CARD.matcher(queue).results().count()).as("one card for the message").isEqualTo(1);
		assertThat(queue).contains("Urgent")
			.contains("Reach out privately")
			.contains("How to reach their care team")
			.contains("has no care team to show you here")
			.contains("Record the outcome")
			.contains("Post it to the group")
			.contains("Hand over to")
			.contains("Practitioner/dr-sarah-lin")
			.doesNotContain("value=\"WARN\"")
			.doesNotContain("Warn the author");

		MvcResult warned = act(facilitator(),
				post("/review/items/" + this.card.id()).param("decision", "WARN").param("reason", "be careful"));
		assertThat(problem(warned)).isEqualTo("review.error.no-warning-at-risk");
	}

	@Test
	void reachingOutOpensAConversationAndTheOutcomeClosesTheCardOnceTheHoldIsDecided() throws Exception {
		MockHttpSession facilitator = facilitator();
		MvcResult reached = act(facilitator, post("/review/items/" + this.card.id() + "/reach-out"));
		long conversation = this.conversations
			.find(this.circle.facilitator(), this.circle.group().id(), this.member.fhirUser())
			.orElseThrow()
			.id();
		assertThat(reached.getResponse().getRedirectedUrl()).isEqualTo("/conversations/" + conversation);
		assertThat(item().acknowledgedBy()).isEqualTo(this.circle.facilitator().fhirUser());

		MvcResult tooSoon = act(facilitator,
				post("/review/items/" + this.card.id() + "/outcome").param("outcome", "REACHED"));
		assertThat(problem(tooSoon)).isEqualTo("review.error.hold-first");
		act(facilitator, post("/review/items/" + this.card.id()).param("decision", "APPROVE"));
		assertThat(item().open()).as("the hold's decision leaves the card open").isTrue();

		act(facilitator, post("/review/items/" + this.card.id() + "/outcome").param("outcome", "REACHED")
			.param("note", "talked, safety plan in place"));
		assertThat(item().open()).isFalse();
		assertThat(this.log.about(this.circle.group().issuer(), this.member.fhirUser(), 10)).anySatisfy((logged) -> {
			assertThat(logged.entry().action()).isEqualTo("OUTCOME");
			assertThat(logged.entry().actor()).isEqualTo(this.circle.facilitator().fhirUser());
			assertThat(logged.entry().reason()).isEqualTo("reached the member: talked, safety plan in place");
		});
	}

	@Test
	void theCardIsHandedOnlyToTheGroupsOtherStaff() throws Exception {
		MvcResult stranger = act(facilitator(),
				post("/review/items/" + this.card.id() + "/hand-over").param("colleague", "Practitioner/someone-else"));
		assertThat(problem(stranger)).isEqualTo("review.error.not-colleague");

		act(facilitator(),
				post("/review/items/" + this.card.id() + "/hand-over").param("colleague", "Practitioner/dr-sarah-lin"));
		assertThat(item().acknowledgedBy()).isEqualTo("Practitioner/dr-sarah-lin");
	}

	@Test
	void aFacilitatorOfAnotherGroupCannotActOnTheCard() throws Exception {
		Staffed elsewhere = this.community.group("Elsewhere");
		MockHttpSession session = StaffedGroups.session(elsewhere.facilitator());

		for (MockHttpServletRequestBuilder request : List.of(post("/review/items/" + this.card.id() + "/reach-out"),
				post("/review/items/" + this.card.id() + "/outcome").param("outcome", "NO_RISK"),
				post("/review/items/" + this.card.id() + "/hand-over").param("colleague",
						elsewhere.facilitator().fhirUser()),
				post("/review/items/" + this.card.id()).param("decision", "APPROVE"))) {
			assertThat(problem(act(session, request))).isEqualTo("review.error.not-yours");
		}

		assertThat(item().open()).isTrue();
		assertThat(item().acknowledgedBy()).isNull();
		assertThat(this.conversations.find(this.circle.facilitator(), this.circle.group().id(), this.member.fhirUser()))
			.as("no conversation was opened")
			.isEmpty();
		assertThat(
				this.mvc.perform(get("/review/items").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("end my life");
	}

	private MockHttpSession facilitator() {
		return StaffedGroups.session(this.circle.facilitator());
	}

	private MvcResult act(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.session(session).param("_csrf", StaffedGroups.csrf(this.mvc, session)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	private static String problem(MvcResult result) {
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/review");
		Object problem = result.getFlashMap().get("problem");
		assertThat(problem).as("refused with a reason").isNotNull();
		return ((Problem) problem).key();
	}

	private Item item() {
		return this.queue.find(this.circle.group().issuer(), this.card.id()).orElseThrow();
	}

}
