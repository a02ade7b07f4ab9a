package org.kinship.conversations.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.conversations.Conversation;
import org.kinship.conversations.Conversations;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Private conversations through the whole security chain and the real MariaDB: only the
 * member and the staff of the conversation's group read or write in one; anyone else is
 * answered as if there were none, and nothing of theirs is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConversationsControllerIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Conversations conversations;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal member;

	private Conversation conversation;

	@BeforeEach
	void conversationWithAMember() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Circle");
		this.member = this.community.member(this.circle.group(), "Wren");
		this.conversation = this.conversations.open(this.circle.facilitator(), this.circle.group().id(),
				this.member.fhirUser());
		this.conversations.write(this.circle.facilitator(), this.conversation.id(), "How are you doing today?");
	}

	@Test
	void theMemberAndTheGroupsStaffReadAndWriteInTheirConversation() throws Exception {
		MockHttpSession member = StaffedGroups.session(this.member);
		assertThat(page(member, "/conversations")).contains("1 conversation with new messages")
			.contains("/conversations/" + this.conversation.id());

		String page = page(member, "/conversations/" + this.conversation.id());
		assertThat(page).contains("How are you doing today?").contains("Private conversation with the staff of");
		this.mvc
			.perform(post("/conversations/" + this.conversation.id() + "/messages").session(member)
				.param("_csrf", StaffedGroups.csrf(this.mvc, member))
				.param("text", "Not great, <b>honestly</b>"))
			.andExpect(redirectedUrl("/conversations/" + this.conversation.id()));

		String staffPage = page(StaffedGroups.session(this.circle.facilitator()),
				"/conversations/" + this.conversation.id());
		assertThat(staffPage).contains("Not great, &lt;b&gt;honestly&lt;/b&gt;").doesNotContain("<b>honestly");
		assertThat(this.conversations.notice(this.member).unseen()).as("the member has seen it all").isZero();
	}

	@Test
	void aMemberCannotReadOrWriteInAnotherMembersConversation() throws Exception {
		KinshipPrincipal other = this.community.member(this.circle.group(), "Heron");
		MockHttpSession session = StaffedGroups.session(other);

		this.mvc.perform(get("/conversations/" + this.conversation.id()).session(session))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/conversations/" + this.conversation.id() + "/messages").session(session))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/conversations/" + this.conversation.id() + "/messages").session(session)
				.param("_csrf", StaffedGroups.csrf(this.mvc, session))
				.param("text", "Let me in"))
			.andExpect(status().isNotFound());
		assertThat(page(session, "/conversations")).contains("No private conversations yet.");
		assertThat(this.conversations.read(this.member, this.conversation.id()).messages())
			.extracting((message) -> message.text())
			.containsExactly("How are you doing today?");
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.open(other, this.circle.group().id(), this.member.fhirUser()))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
	}

	@Test
	void aFacilitatorOfAnotherGroupCannotReadWriteOrOpenOne() throws Exception {
		Staffed elsewhere = this.community.group("Elsewhere");
		MockHttpSession session = StaffedGroups.session(elsewhere.facilitator());

		this.mvc.perform(get("/conversations/" + this.conversation.id()).session(session))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/conversations/" + this.conversation.id() + "/messages").session(session)
				.param("_csrf", StaffedGroups.csrf(this.mvc, session))
				.param("text", "Hello from elsewhere"))
			.andExpect(status().isNotFound());
		assertThat(this.conversations.mayFollow(elsewhere.facilitator(), this.conversation.id())).isFalse();
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> this.conversations.open(elsewhere.facilitator(),
				this.circle.group().id(), this.member.fhirUser()));
		assertThat(this.conversations.read(this.member, this.conversation.id()).messages()).hasSize(1);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
