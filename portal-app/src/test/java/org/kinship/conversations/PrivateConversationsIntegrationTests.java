package org.kinship.conversations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.groups.Memberships;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Private conversations opened by members, on the real MariaDB and through the security
 * chain: a member writes to their group's staff at any time; members write to each other
 * only where the community allows it, never past a block or a sanction, with their
 * messages screened and reportable; nobody else reads them, the group's staff included.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class PrivateConversationsIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	Conversations conversations;

	@Autowired
	Profiles profiles;

	@Autowired
	MockMvc mvc;

	@Autowired
	Memberships memberships;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal wren;

	private KinshipPrincipal heron;

	@BeforeEach
	void groupWithTwoMembers() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Private");
		this.wren = this.community.member(this.circle.group(), "Wren");
		this.heron = this.community.member(this.circle.group(), "Heron");
	}

	@AfterEach
	void offAgain() {
		this.conversations.letMembersTalk(this.community.manager(), false);
	}

	@Test
	void aMemberWritesToTheGroupsStaffAtAnyTime() throws Exception {
		Conversation opened = this.conversations.openWithStaff(this.wren, this.circle.group().id());
		this.conversations.write(this.wren, opened.id(), "Could we talk about the meeting?");

		assertThat(this.conversations.mine(this.circle.facilitator())).filteredOn((listed) -> listed.asStaff())
			.filteredOn((listed) -> listed.conversation().id() == opened.id())
			.singleElement()
			.satisfies((listed) -> assertThat(listed.news()).isTrue());
		this.conversations.write(this.circle.facilitator(), opened.id(), "Of course.");
		assertThat(this.conversations.read(this.wren, opened.id()).messages()).extracting(PrivateMessage::text)
			.containsExactly("Could we talk about the meeting?", "Of course.");
		assertThat(this.conversations.openWithStaff(this.wren, this.circle.group().id()).id())
			.as("one per member and group")
			.isEqualTo(opened.id());

		this.mvc.perform(get("/conversations/" + opened.id()).session(StaffedGroups.session(this.heron)))
			.andExpect(status().isNotFound());
		KinshipPrincipal outsider = this.community.member(this.community.group("Elsewhere").group(), "Finch");
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.openWithStaff(outsider, this.circle.group().id()))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
	}

	@Test
	void membersWriteToEachOtherOnlyWhereTheCommunityAllowsIt() {
		long groupId = this.circle.group().id();
		String heronName = this.profiles.of(this.wren, this.circle.group().slug(), name(this.heron)).displayName();
		assertThatExceptionOfType(Refused.class).as("off by default")
			.isThrownBy(() -> this.conversations.openWithMember(this.wren, groupId, heronName))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("conversations.error.members-off"));
		assertThatExceptionOfType(Refused.class).as("only a community manager turns it on")
			.isThrownBy(() -> this.conversations.letMembersTalk(this.circle.facilitator(), true));

		this.conversations.letMembersTalk(this.community.manager(), true);
		Conversation between = this.conversations.openWithMember(this.wren, groupId, heronName);
		this.conversations.write(this.wren, between.id(), "Hi Heron, how was your week?");
		this.conversations.write(this.heron, between.id(), "Better, thank you");

		assertThat(this.conversations.read(this.heron, between.id()).messages()).extracting(PrivateMessage::text)
			.containsExactly("Hi Heron, how was your week?", "Better, thank you");
		assertThat(this.conversations.openWithMember(this.heron, groupId, name(this.wren)).id())
			.isEqualTo(between.id());
		assertThat(this.conversations.mayFollow(this.circle.facilitator(), between.id()))
			.as("the group's staff do not read members' conversations")
			.isFalse();
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.read(this.circle.facilitator(), between.id()))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
		KinshipPrincipal third = this.community.member(this.circle.group(), "Finch");
		assertThat(this.conversations.mayFollow(third, between.id())).isFalse();
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.write(third, between.id(), "Let me in"));

		this.conversations.letMembersTalk(this.community.manager(), false);
		assertThatExceptionOfType(Refused.class).as("turned off, the conversation is read-only")
			.isThrownBy(() -> this.conversations.write(this.wren, between.id(), "Still there?"));
		assertThat(this.conversations.read(this.wren, between.id()).mayWrite()).isFalse();
	}

	@Test
	void aBlockedMemberCanNeitherOpenNorWrite() throws Exception {
		long groupId = this.circle.group().id();
		this.conversations.letMembersTalk(this.community.manager(), true);
		Conversation between = this.conversations.openWithMember(this.wren, groupId, name(this.heron));
		this.conversations.write(this.wren, between.id(), "Hello there");

		this.conversations.block(this.heron, between.id(), true);

		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.write(this.wren, between.id(), "Why no answer?"))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("conversations.error.blocked"));
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.conversations.openWithMember(this.wren, groupId, name(this.heron)));
		assertThat(this.profiles.of(this.wren, this.circle.group().slug(), name(this.heron)).mayWrite()).isFalse();
		assertThat(this.conversations.read(this.heron, between.id()).blocked()).isTrue();
		MockHttpSession wrens = StaffedGroups.session(this.wren);
		this.mvc
			.perform(post("/conversations/" + between.id() + "/messages").session(wrens)
				.param("_csrf", StaffedGroups.csrf(this.mvc, wrens))
				.param("text", "Over HTTP then"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.conversations.read(this.heron, between.id()).messages()).extracting(PrivateMessage::text)
			.containsExactly("Hello there");
		assertThat(this.mvc.perform(get("/conversations/" + between.id()).session(wrens))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("You cannot write in this conversation now.")
			.doesNotContain("id=\"conversation-form\"");

		this.conversations.block(this.heron, between.id(), false);
		this.conversations.write(this.wren, between.id(), "Hello again");
		assertThat(this.conversations.read(this.heron, between.id()).messages()).hasSize(2);
	}

	@Test
	void aMessageIsScreenedAndCanBeReportedToTheGroupsStaff() {
		long groupId = this.circle.group().id();
		this.conversations.letMembersTalk(this.community.manager(), true);
		Conversation between = this.conversations.openWithMember(this.wren, groupId, name(this.heron));
		PrivateMessage unkind = this.conversations.write(this.wren, between.id(), "You never listen to anyone");

		assertThatExceptionOfType(Refused.class).as("one's own message is not reported")
			.isThrownBy(() -> this.conversations.report(this.wren, between.id(), unkind.id()));
		Conversation withStaff = this.conversations.report(this.heron, between.id(), unkind.id());

		assertThat(this.conversations.read(this.heron, between.id()).messages()).singleElement()
			.satisfies((message) -> assertThat(message.reported()).isTrue());
		assertThat(this.conversations.read(this.circle.facilitator(), withStaff.id()).messages()).singleElement()
			.satisfies((message) -> assertThat(message.text()).contains("You never listen to anyone")
				.contains(name(this.wren)));

		assertThatExceptionOfType(Refused.class).as("a crisis is pointed to help, not to another member")
			.isThrownBy(
					() -> this.conversations.write(this.wren, between.id(), "I can not go on, I want to end my life"))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("conversations.error.crisis"));
	}

	@Test
	void aProfileShowsNothingFromTheRecordAndOnlyToThoseWhoReadTheGroup() throws Exception {
		Staffed other = this.community.group("Second");
		this.memberships.join(this.heron, other.group().slug(),
				new org.kinship.groups.JoinForm("Heron" + System.nanoTime() % 10000, false, false, true));
		this.memberships.join(this.wren, other.group().slug(),
				new org.kinship.groups.JoinForm("Wren" + System.nanoTime() % 10000, false, false, true));

		Profiles.Profile profile = this.profiles.of(this.wren, this.circle.group().slug(), name(this.heron));
		assertThat(profile.groupsInCommon()).containsExactlyInAnyOrder(this.circle.group().name(),
				other.group().name());
		assertThat(profile.mayWrite()).as("off in this community").isFalse();
		String page = this.mvc
			.perform(get("/groups/" + this.circle.group().slug() + "/profile").param("name", name(this.heron))
				.session(StaffedGroups.session(this.wren)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Member since").contains(other.group().name()).doesNotContain(this.heron.fhirUser());

		KinshipPrincipal outsider = this.community.member(this.community.group("Elsewhere").group(), "Finch");
		this.mvc
			.perform(get("/groups/" + this.circle.group().slug() + "/profile").param("name", name(this.heron))
				.session(StaffedGroups.session(outsider)))
			.andExpect(status().isNotFound());
	}

	private String name(KinshipPrincipal member) {
		return this.conversations.openWithStaff(member, this.circle.group().id()).memberName();
	}

}
