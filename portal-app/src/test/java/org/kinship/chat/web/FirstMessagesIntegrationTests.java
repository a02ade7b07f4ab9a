package org.kinship.chat.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.launch.KinshipPrincipal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The newest messages written into a group's page on the real MariaDB: the same page the
 * history request answers, for a member only, and no text of a message can end the data
 * block it sits in.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
@AutoConfigureMockMvc
class FirstMessagesIntegrationTests extends OnMariaDb {

	private static final Pattern BLOCK = Pattern
		.compile("<script type=\"application/json\" id=\"chat-first-page\">(.*?)</script>", Pattern.DOTALL);

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	private StaffedGroups community;

	private Staffed circle;

	@BeforeEach
	void group() {
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("First page");
	}

	@Test
	void aMembersPageHoldsTheNewestMessagesAsTheHistoryRequestAnswersThem() throws Exception {
		KinshipPrincipal ana = this.community.member(this.circle.group(), "Ana");
		KinshipPrincipal ben = this.community.member(this.circle.group(), "Ben");
		send(ana, "Hello </script><script>alert(1)</script> & **welcome** <b>all</b>");
		send(ana, "Second message " + UUID.randomUUID());

		String page = read("/groups/" + this.circle.group().slug(), ben);
		Matcher block = BLOCK.matcher(page);
		assertThat(block.find()).as("the data block on the member's page").isTrue();
		assertThat(block.group(1)).as("nothing in it can close the block").doesNotContain("<").doesNotContain(">");
		JsonNode written = this.json.readTree(block.group(1));
		JsonNode asked = this.json.readTree(read("/chat/groups/" + this.circle.group().id() + "/messages", ben));
		assertThat(written).isEqualTo(asked);
		assertThat(written.get("messages")).hasSize(2);
		assertThat(written.get("messages").get(0).get("html").asString()).contains("<strong>welcome</strong>")
			.contains("&lt;/script&gt;");
	}

	@Test
	void someoneWithoutASeatGetsNoMessagesInThePage() throws Exception {
		send(this.community.member(this.circle.group(), "Cleo"), "Only for members");
		Staffed other = this.community.group("Elsewhere");
		KinshipPrincipal stranger = this.community.member(other.group(), "Dan");

		String page = read("/groups/" + this.circle.group().slug(), stranger);

		assertThat(page).doesNotContain("chat-first-page").doesNotContain("Only for members");
	}

	private void send(KinshipPrincipal sender, String text) {
		this.chat.send(sender, this.circle.group().id(), new SendCommand(UUID.randomUUID().toString(), text, null));
	}

	private String read(String path, KinshipPrincipal principal) throws Exception {
		return this.mvc.perform(get(path).session(StaffedGroups.session(principal)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
