package org.kinship.review;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.chat.Chat;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControls;
import org.kinship.chat.SendCommand;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Peer mentors on the real MariaDB: only a community manager appoints one, and it is
 * audited without a name; a mentor wears a badge, pins a welcome of their own and nobody
 * else's, and sees the newcomers to greet with a link to each one's first post, which
 * nobody but mentors and staff sees.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class PeerMentorsIntegrationTests extends OnMariaDb {

	@Autowired
	MemberFiles files;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupAdministration administration;

	@Autowired
	GroupControls controls;

	@Autowired
	Chat chat;

	@Autowired
	CommunityRights rights;

	@Autowired
	AuditLog audit;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	MockMvc mvc;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal mentor;

	private KinshipPrincipal newcomer;

	@BeforeEach
	void groupWithAMentorToBe() {
		this.community = new StaffedGroups(this.administration, this.memberships, this.rights, sandbox());
		this.circle = this.community.group("Mentored");
		this.mentor = this.community.member(this.circle.group(), "Lark");
		this.newcomer = this.community.member(this.circle.group(), "Robin");
	}

	@Test
	void onlyACommunityManagerAppointsAndTheAppointmentIsAuditedWithoutAName() {
		long groupId = this.circle.group().id();
		assertThatExceptionOfType(Refused.class).as("a facilitator may not appoint")
			.isThrownBy(() -> this.files.peerMentor(this.circle.facilitator(), groupId, this.mentor.fhirUser(), true));
		assertThatExceptionOfType(Refused.class).as("nor a member")
			.isThrownBy(() -> this.files.peerMentor(this.newcomer, groupId, this.mentor.fhirUser(), true));
		assertThatExceptionOfType(Refused.class).as("a facilitator cannot be the group's mentor")
			.isThrownBy(() -> this.files.peerMentor(this.community.manager(), groupId,
					this.circle.facilitator().fhirUser(), true));
		assertThat(this.memberships.peerMentor(groupId, this.mentor.fhirUser())).isFalse();

		this.files.peerMentor(this.community.manager(), groupId, this.mentor.fhirUser(), true);

		assertThat(this.memberships.peerMentor(groupId, this.mentor.fhirUser())).isTrue();
		assertThat(this.files.file(this.circle.facilitator(), groupId, this.mentor.fhirUser()).peerMentor()).isTrue();
		assertThat(this.audit.latest(sandbox(), 200))
			.filteredOn((entry) -> this.mentor.fhirUser().equals(entry.patient()))
			.extracting(AuditEntry::action, AuditEntry::resourceTypes)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(AuditAction.ROLE_CHANGE, "group " + groupId + " PEER_MENTOR"))
			.allSatisfy((entry) -> assertThat(entry.toString()).doesNotContain("Lark").doesNotContain("Pat "));

		this.files.peerMentor(this.community.manager(), groupId, this.mentor.fhirUser(), false);
		assertThat(this.memberships.peerMentor(groupId, this.mentor.fhirUser())).isFalse();
	}

	@Test
	void aMentorPinsTheirOwnWelcomeAndNobodyElses() {
		long groupId = this.circle.group().id();
		ChatMessage welcome = send(this.mentor, "Welcome, everyone new: ask anything");
		ChatMessage other = send(this.newcomer, "Hello, I am new here");
		assertThatExceptionOfType(Refused.class).as("not yet a mentor")
			.isThrownBy(() -> this.controls.pin(this.mentor, groupId, welcome.id(), true));
		this.files.peerMentor(this.community.manager(), groupId, this.mentor.fhirUser(), true);

		this.controls.pin(this.mentor, groupId, welcome.id(), true);

		assertThat(this.controls.controls(this.newcomer, groupId).pinned()).extracting(ChatMessage::id)
			.containsExactly(welcome.id());
		assertThatExceptionOfType(Refused.class).as("someone else's message")
			.isThrownBy(() -> this.controls.pin(this.mentor, groupId, other.id(), true))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("chat.error.mentor-own"));
		assertThatExceptionOfType(Refused.class).as("a member who is no mentor")
			.isThrownBy(() -> this.controls.pin(this.newcomer, groupId, other.id(), true));
		this.controls.pin(this.mentor, groupId, welcome.id(), false);
		assertThat(this.controls.controls(this.newcomer, groupId).pinned()).isEmpty();
	}

	@Test
	void aMentorSeesTheNewcomersFirstPostsAndWearsABadgeWhileMembersSeeNoList() throws Exception {
		long groupId = this.circle.group().id();
		this.files.peerMentor(this.community.manager(), groupId, this.mentor.fhirUser(), true);
		ChatMessage first = send(this.newcomer, "Hello, I am new here " + UUID.randomUUID());
		send(this.newcomer, "And a second message");
		String newcomerName = this.chat.nameIn(this.newcomer, groupId).orElseThrow();

		String mentorsPage = page(this.mentor);
		assertThat(mentorsPage).contains("id=\"newcomers\"")
			.contains("/groups/" + this.circle.group().slug() + "?at=" + first.id())
			.contains("Read " + newcomerName + "&#39;s first post");
		assertThat(mentorsPage).as("the mentor may pin their own").contains("data-peer-mentor=\"true\"");
		assertThat(mentorsPage).as("the mentor's guide").contains("href=\"/help/mentor\"");
		assertThat(this.mvc.perform(get("/help/mentor").session(StaffedGroups.session(this.mentor)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This page is for peer mentors");

		String membersPage = page(this.newcomer);
		assertThat(membersPage).doesNotContain("id=\"newcomers\"")
			.contains("data-peer-mentor=\"false\"")
			.contains("Peer mentor");
		String mentorName = this.chat.nameIn(this.mentor, groupId).orElseThrow();
		assertThat(membersPage).contains("data-mentors=\"" + mentorName + "\"");
		assertThat(page(this.circle.facilitator())).as("staff greet newcomers too").contains("id=\"newcomers\"");
	}

	@Test
	void aMentorHasNoModerationPowers() throws Exception {
		long groupId = this.circle.group().id();
		this.files.peerMentor(this.community.manager(), groupId, this.mentor.fhirUser(), true);

		assertThat(this.mvc.perform(get("/review").session(StaffedGroups.session(this.mentor)))
			.andReturn()
			.getResponse()
			.getStatus()).as("no review queue").isEqualTo(403);
		assertThatExceptionOfType(Refused.class).as("no newcomer's file")
			.isThrownBy(() -> this.files.file(this.mentor, groupId, this.newcomer.fhirUser()));
		assertThatExceptionOfType(Refused.class).as("no slow mode")
			.isThrownBy(() -> this.controls.slowMode(this.mentor, groupId, 30));
		assertThatExceptionOfType(Refused.class).as("no lock")
			.isThrownBy(() -> this.controls.lock(this.mentor, groupId, true));
	}

	private String page(KinshipPrincipal principal) throws Exception {
		return this.mvc.perform(get("/groups/" + this.circle.group().slug()).session(StaffedGroups.session(principal)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ChatMessage send(KinshipPrincipal sender, String text) {
		return this.chat
			.send(sender, this.circle.group().id(), new SendCommand(UUID.randomUUID().toString(), text, null))
			.message();
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

}
