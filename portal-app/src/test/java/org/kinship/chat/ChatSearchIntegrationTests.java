package org.kinship.chat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Sanctions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Search on the real MariaDB's full-text index, with the rules of reading: a member finds
 * what they read in their own groups, never a message of a group they are not in, nor a
 * deleted, hidden or held one, nor anything of a group they are suspended from.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class ChatSearchIntegrationTests extends OnMariaDb {

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	@Autowired
	ChatSearch search;

	@Autowired
	ChatModeration chatModeration;

	@Autowired
	Sanctions sanctions;

	@Autowired
	MockMvc mvc;

	private StaffedGroups community;

	private Staffed circle;

	private Staffed elsewhere;

	private KinshipPrincipal wren;

	private KinshipPrincipal finch;

	private String word;

	@BeforeEach
	void twoGroups() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Searchers");
		this.elsewhere = this.community.group("Elsewhere");
		this.wren = this.community.member(this.circle.group(), "Wren");
		this.finch = this.community.member(this.elsewhere.group(), "Finch");
		// a word no other test writes, so that what is found is this test's
		this.word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void findsMessagesOfOnesOwnGroupsAndNeverAnotherGroups() throws Exception {
		ChatMessage mine = send(this.wren, this.circle, "Magnesium " + this.word + " helps my **migraines**");
		ChatMessage theirs = send(this.finch, this.elsewhere, "Magnesium " + this.word + " did nothing for me");

		assertThat(this.search.search(this.wren, "magnesium " + this.word, null))
			.extracting(ChatSearch.Found::messageId)
			.containsExactly(mine.id());
		assertThat(this.search.search(this.wren, this.word, this.elsewhere.group().id()))
			.as("a group one is not in, asked by name")
			.isEmpty();
		assertThat(this.search.search(this.finch, this.word, null)).extracting(ChatSearch.Found::messageId)
			.containsExactly(theirs.id());
		assertThat(this.search.search(this.wren, "migrain " + this.word, null)).as("words as prefixes")
			.extracting(ChatSearch.Found::excerpt)
			.containsExactly("Magnesium " + this.word + " helps my migraines");

		String page = this.mvc.perform(get("/search").param("q", this.word).session(StaffedGroups.session(this.wren)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("helps my migraines")
			.contains("/groups/" + this.circle.group().slug() + "?at=" + mine.id() + "#m-" + mine.id())
			.doesNotContain("did nothing for me");
	}

	@Test
	void neverFindsDeletedHiddenOrHeldMessages() {
		ChatMessage deleted = send(this.wren, this.circle, "Deleted " + this.word);
		ChatMessage hidden = send(this.wren, this.circle, "Hidden " + this.word);
		ChatMessage kept = send(this.wren, this.circle, "Kept " + this.word);
		this.chat.delete(this.wren, this.circle.group().id(), deleted.id());
		this.chatModeration.hide(this.circle.group().id(), hidden.id());

		assertThat(this.search.search(this.wren, this.word, null)).extracting(ChatSearch.Found::messageId)
			.containsExactly(kept.id());
		assertThat(this.search.search(this.circle.facilitator(), this.word, null))
			.as("staff search what members read, too")
			.extracting(ChatSearch.Found::messageId)
			.containsExactly(kept.id());
	}

	@Test
	void findsNothingInAGroupTheMemberIsSuspendedFrom() {
		send(this.wren, this.circle, "Before the suspension " + this.word);
		this.sanctions.impose(this.wren.issuer(), this.circle.group().id(), this.wren.fhirUser(),
				Sanctions.Kind.SUSPEND, "a test", null, this.circle.facilitator().fhirUser());

		assertThat(this.search.search(this.wren, this.word, null)).isEmpty();
		assertThat(this.search.searchable(this.wren)).isEmpty();
	}

	@Test
	void shortWordsAreFoundToo() {
		ChatMessage message = send(this.wren, this.circle, "My BP was fine " + this.word);

		assertThat(this.search.search(this.wren, "bp " + this.word, null)).extracting(ChatSearch.Found::messageId)
			.containsExactly(message.id());
		assertThat(this.search.search(this.wren, "xz " + this.word, null)).isEmpty();
		assertThat(this.search.search(this.wren, "what was " + this.word, null)).as("stop words too").isEmpty();
		assertThat(this.search.search(this.wren, "my was fine " + this.word, null))
			.extracting(ChatSearch.Found::messageId)
			.containsExactly(message.id());
	}

	private ChatMessage send(KinshipPrincipal sender, Staffed group, String text) {
		return this.chat.send(sender, group.group().id(), new SendCommand(UUID.randomUUID().toString(), text, null))
			.message();
	}

}
