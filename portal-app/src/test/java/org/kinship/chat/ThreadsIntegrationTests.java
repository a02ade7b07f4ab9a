package org.kinship.chat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replies and threads on the real MariaDB: a reply carries the message it answers as
 * members see it (an excerpt, or that it was removed), a reply to a reply stays in the
 * first message's thread, and a thread is read only by those who read the group.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class ThreadsIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	private StaffedGroups community;

	private Staffed circle;

	private KinshipPrincipal wren;

	private KinshipPrincipal heron;

	@BeforeEach
	void groupWithTwoMembers() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Threads");
		this.wren = this.community.member(this.circle.group(), "Wren");
		this.heron = this.community.member(this.circle.group(), "Heron");
	}

	@Test
	void aReplyQuotesTheMessageItAnswersAndJoinsItsThread() {
		long groupId = this.circle.group().id();
		ChatMessage root = send(this.circle.facilitator(), "What helps you **sleep** after a long day?", null);
		ChatMessage reply = send(this.wren, "A warm bath and [a book](https://example.org)", root.id());
		ChatMessage answer = send(this.heron, "Same here, a book", reply.id());

		assertThat(reply.quote()).isEqualTo(
				new ChatMessage.Quote(root.id(), this.chat.nameIn(this.circle.facilitator(), groupId).orElseThrow(),
						"What helps you sleep after a long day?", false));
		assertThat(answer.quote().excerpt()).isEqualTo("A warm bath and a book");
		assertThat(answer.threadRoot()).as("a reply to a reply stays in the first thread").isEqualTo(root.id());

		assertThat(this.chat.thread(this.heron, groupId, answer.id())).extracting(ChatMessage::id)
			.containsExactly(root.id(), reply.id(), answer.id());
		assertThat(this.chat.history(this.heron, groupId, Long.MAX_VALUE)).filteredOn((m) -> m.id() == root.id())
			.singleElement()
			.extracting(ChatMessage::replies)
			.isEqualTo(2);
	}

	@Test
	void aRemovedMessageIsQuotedAsRemovedWithoutItsText() {
		long groupId = this.circle.group().id();
		ChatMessage root = send(this.wren, "Something I regret writing", null);
		ChatMessage reply = send(this.heron, "I understand", root.id());
		this.chat.delete(this.wren, groupId, root.id());

		ChatMessage shown = this.chat.history(this.heron, groupId, Long.MAX_VALUE)
			.stream()
			.filter((m) -> m.id() == reply.id())
			.findFirst()
			.orElseThrow();
		assertThat(shown.quote().removed()).isTrue();
		assertThat(shown.quote().excerpt()).isEmpty();
		assertThat(this.chat.thread(this.heron, groupId, reply.id()).get(0).html()).isEmpty();
	}

	@Test
	void onlyThoseWhoReadTheGroupReadItsThreads() {
		ChatMessage root = send(this.wren, "A thread of this group", null);
		Staffed elsewhere = this.community.group("Elsewhere");
		KinshipPrincipal outsider = this.community.member(elsewhere.group(), "Finch");

		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.chat.thread(outsider, this.circle.group().id(), root.id()))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.chat.thread(outsider, elsewhere.group().id(), root.id()))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
		assertThatExceptionOfType(Refused.class).as("a reply cannot point into another group")
			.isThrownBy(() -> send(outsider, elsewhere.group().id(), "Hello", root.id()));
	}

	private ChatMessage send(KinshipPrincipal sender, String text, Long replyTo) {
		return send(sender, this.circle.group().id(), text, replyTo);
	}

	private ChatMessage send(KinshipPrincipal sender, long groupId, String text, Long replyTo) {
		return this.chat.send(sender, groupId, new SendCommand(UUID.randomUUID().toString(), text, replyTo)).message();
	}

}
