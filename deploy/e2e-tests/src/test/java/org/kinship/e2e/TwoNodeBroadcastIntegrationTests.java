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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broadcast sent on one node reaches its recipients online on both nodes of a cluster
 * (one MariaDB database, Redis fan-out), and each node records delivery to its own
 * members.
 */
class TwoNodeBroadcastIntegrationTests {

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final String GROUP = "epilepsy-circle";

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
	void recipientsOnBothNodesReceiveABroadcastSentOnOne() throws Exception {
		LaunchedPerson daniel = member(0, "daniel-reyes");
		LaunchedPerson emily = member(1, "emily-chen");
		try (StompMember onNodeA = StompMember.connect(daniel); StompMember onNodeB = StompMember.connect(emily)) {
			BlockingQueue<Map<String, Object>> a = onNodeA.broadcasts();
			BlockingQueue<Map<String, Object>> b = onNodeB.broadcasts();
			long group = Long.parseLong(groupId(daniel));
			onNodeA.awaitSubscribed(group);
			onNodeB.awaitSubscribed(group);

			LaunchedPerson manager = LaunchedPerson.launch(cluster, 0, "dr-sarah-lin");
			String title = "Clinic closed " + UUID.randomUUID().toString().substring(0, 8);
			List<String> fields = List.of("title", title, "body", "The clinic is closed on Friday.", "priority",
					"IMPORTANT", "audienceKind", "GROUPS", "groupIds", groupId(daniel), "action", "send");
			var sent = manager.submit("/manage/broadcasts/new", "broadcast-form", fields);
			assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

			assertThat(a.poll(60, TimeUnit.SECONDS)).as("on the sending node").containsEntry("title", title);
			assertThat(b.poll(60, TimeUnit.SECONDS)).as("on the other node").containsEntry("title", title);
			String location = sent.headers().firstValue("Location").orElseThrow();
			Matcher delivered = Pattern.compile("id=\"count-delivered\">([0-9]+) of ([0-9]+)")
				.matcher(manager.get(location).body());
			assertThat(delivered.find()).isTrue();
			assertThat(Integer.parseInt(delivered.group(1))).as("delivered on both nodes").isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aMemberWithSeveralPagesOpenReceivesABroadcastOnEach() throws Exception {
		LaunchedPerson daniel = member(0, "daniel-reyes");
		LaunchedPerson onPhone = LaunchedPerson.launch(cluster, 0, "daniel-reyes");
		try (StompMember tab = StompMember.connect(daniel);
				StompMember otherTab = StompMember.connect(daniel);
				StompMember phone = StompMember.connect(onPhone)) {
			List<BlockingQueue<Map<String, Object>>> pages = List.of(tab.broadcasts(), otherTab.broadcasts(),
					phone.broadcasts());
			long group = Long.parseLong(groupId(daniel));
			for (StompMember page : List.of(tab, otherTab, phone)) {
				page.awaitSubscribed(group);
			}

			LaunchedPerson manager = LaunchedPerson.launch(cluster, 0, "dr-sarah-lin");
			String title = "Pharmacy hours " + UUID.randomUUID().toString().substring(0, 8);
			List<String> fields = List.of("title", title, "body", "The pharmacy opens at ten.", "priority", "INFO",
					"audienceKind", "GROUPS", "groupIds", groupId(daniel), "action", "send");
			var sent = manager.submit("/manage/broadcasts/new", "broadcast-form", fields);
			assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

			for (BlockingQueue<Map<String, Object>> page : pages) {
				assertThat(page.poll(60, TimeUnit.SECONDS)).as("on every open page").containsEntry("title", title);
			}
		}
	}

	private static LaunchedPerson member(int node, String persona) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(cluster, node, persona);
		if (!person.get("/groups/" + GROUP).body().contains("You are a member as")) {
			var joined = person.submit("/groups/" + GROUP + "/join", "join-form",
					List.of("displayName", persona.substring(0, persona.indexOf('-')), "acceptGuidelines", "true"));
			assertThat(joined.statusCode()).isEqualTo(302);
		}
		return person;
	}

	private static String groupId(LaunchedPerson member) throws Exception {
		Matcher id = GROUP_ID.matcher(member.get("/groups/" + GROUP).body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

}
