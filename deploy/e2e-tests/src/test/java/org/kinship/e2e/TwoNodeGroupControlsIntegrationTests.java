package org.kinship.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.e2e.StaffedGroup.Member;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's controls across two Kinship nodes on one MariaDB database and Redis: the
 * facilitator works on one node, the member on the other. Slow mode holds from the
 * database whichever node judges, every change (slow mode, a pin, a live session) reaches
 * the member's page on the other node live, and a suspension decided on one node closes
 * the member's socket on the other.
 */
class TwoNodeGroupControlsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static KinshipCluster cluster;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = KinshipCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@Test
	void aFacilitatorOnOneNodeControlsTheGroupForAMemberOnTheOther() throws Exception {
		StaffedGroup group = StaffedGroup.create((persona) -> LaunchedPerson.launch(cluster, 0, persona),
				"Two-node circle", true);
		Member daniel = group.join((persona) -> LaunchedPerson.launch(cluster, 1, persona), "daniel-reyes", "Dan");
		try (StompMember member = StompMember.connect(daniel.person());
				StompMember facilitator = StompMember.connect(group.facilitator)) {
			BlockingQueue<Map<String, Object>> changes = member.followControls(group.id);

			assertThat(group.facilitator.submit("/groups/" + group.slug, "slow-mode-form", List.of("seconds", "30"))
				.statusCode()).isEqualTo(302);
			assertThat(changes.poll(60, TimeUnit.SECONDS)).as("slow mode told on the other node").isNotNull();
			assertThat(send(member, group, "First").get("outcome")).isEqualTo("STORED");
			Map<String, Object> tooSoon = send(member, group, "Second");
			assertThat((String) tooSoon.get("reason")).contains("one message every 30 seconds");

			@SuppressWarnings("unchecked")
			Map<String, Object> notes = (Map<String, Object>) send(facilitator, group, "Notes for tonight")
				.get("message");
			assertThat(facilitator.change(group.id, Map.of("kind", "pin", "messageId", notes.get("id"))).get("outcome"))
				.isEqualTo("CHANGED");
			assertThat(changes.poll(60, TimeUnit.SECONDS)).as("the pin told on the other node").isNotNull();
			assertThat(controls(daniel.person(), group).get("pinned").get(0).get("html").asString())
				.isEqualTo("<p>Notes for tonight</p>");

			assertThat(
					group.facilitator
						.submit("/groups/" + group.slug, "schedule-session-form",
								List.of("title", "Across nodes", "start", "", "minutes", "20", "posting",
										"FACILITATORS"))
						.statusCode())
				.isEqualTo(302);
			assertThat(changes.poll(60, TimeUnit.SECONDS)).as("the session told on the other node").isNotNull();
			assertThat(group.page(daniel.person())).contains("id=\"live-session\"");
			assertThat((String) send(member, group, "Third").get("reason"))
				.startsWith("Only the facilitators post during this live session; it ends at");
			assertThat(send(facilitator, group, "Welcome across nodes").get("outcome")).isEqualTo("STORED");

			assertThat(group.facilitator
				.submit("/groups/" + group.slug, "end-session-form",
						List.of("summary", "A short session on two nodes."))
				.statusCode()).isEqualTo(302);
			assertThat(changes.poll(60, TimeUnit.SECONDS)).as("the end told on the other node").isNotNull();
			Matcher past = Pattern.compile("<ul id=\"past-sessions\"(.*?)</ul>", Pattern.DOTALL)
				.matcher(group.page(daniel.person()));
			assertThat(past.find()).isTrue();
			assertThat(past.group(1)).contains("1 member attended")
				.contains("A short session on two nodes.")
				.contains("1 message was posted during the session")
				.contains("<p>Welcome across nodes</p>");
		}
	}

	@Test
	void aSuspensionDecidedOnOneNodeClosesTheMembersSocketOnTheOther() throws Exception {
		StaffedGroup group = StaffedGroup.create((persona) -> LaunchedPerson.launch(cluster, 0, persona),
				"Two-node sanctions", true);
		Member emily = group.join((persona) -> LaunchedPerson.launch(cluster, 1, persona), "emily-chen", "Em");
		try (StompMember member = StompMember.connect(emily.person())) {
			member.follow(group.id);
			assertThat(member.connected()).isTrue();

			String file = "/review/groups/" + group.id + "/member?member=Patient/emily-chen";
			assertThat(group.facilitator.submit(file, "sanction-form", List.of("kind", "SUSPEND", "reason", "Spam"))
				.statusCode()).isEqualTo(302);

			long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
			while (member.connected() && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			assertThat(member.connected()).as("the socket on the other node closed").isFalse();
		}
	}

	private static Map<String, Object> send(StompMember member, StaffedGroup group, String text) throws Exception {
		return member.sendAndAwait(group.id, UUID.randomUUID().toString(), text);
	}

	private static JsonNode controls(LaunchedPerson person, StaffedGroup group) throws Exception {
		return JSON.readTree(person.get("/chat/groups/" + group.id + "/controls").body());
	}

}
