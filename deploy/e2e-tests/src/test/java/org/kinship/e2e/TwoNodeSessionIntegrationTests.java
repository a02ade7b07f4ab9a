package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Kinship nodes sharing their sessions through Redis, with no sticky sessions: a
 * member launched into one node is served by the other with the same cookie, pages and
 * socket alike; when their node stops they carry on at the other without launching again,
 * and lose no acknowledged message; their session outlives a Redis restart.
 */
class TwoNodeSessionIntegrationTests {

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final String GROUP = "epilepsy-circle";

	private static final String MEMBER_PAGE = "You are a member as";

	private static KinshipCluster cluster;

	private static long groupId;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = KinshipCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@Test
	void aMemberLaunchedOnOneNodeIsServedByTheOtherWithTheSameCookie() throws Exception {
		LaunchedPerson onFirst = member(0, "daniel-reyes");
		LaunchedPerson onSecond = onFirst.at(cluster, 1);

		HttpResponse<String> page = onSecond.get("/groups/" + GROUP);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.request().uri().toString()).as("served where it was asked, not sent to launch")
			.isEqualTo(cluster.nodeUrl(1) + "/groups/" + GROUP);
		assertThat(page.body()).contains(MEMBER_PAGE);

		try (StompMember socket = StompMember.connect(onSecond)) {
			Map<String, Object> reply = socket.sendAndAwait(groupId, UUID.randomUUID().toString(),
					"Sent through the other node");
			assertThat(reply.get("outcome")).as("the socket on the other node knows the member").isEqualTo("STORED");
		}
	}

	@Test
	void aMemberWhoseNodeStopsCarriesOnAtTheOtherWithoutLaunchingAgain() throws Exception {
		StompMember receiver = StompMember.connect(member(1, "emily-chen"));
		LaunchedPerson person = member(0, "daniel-reyes");
		StompMember sender = StompMember.connect(person);
		long start = seqOf(sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "Before the stop"));
		Map<String, String> sent = new ConcurrentHashMap<>();
		Set<String> acked = ConcurrentHashMap.newKeySet();
		Thread stream = Streams.sendUntilClosed(sender, groupId, sent);
		Streams.collectAcks(sender, acked, 50);
		cluster.stopNode(0);
		try {
			stream.join(60_000);
			Streams.collectAcks(sender, acked, 0);
			assertThat(acked).as("acknowledged before the stop").hasSizeGreaterThanOrEqualTo(50);

			// the page's socket opens again at the same address, which the load balancer
			// now sends to the other node; the same cookie, no launch
			LaunchedPerson moved = person.at(cluster, 1);
			assertThat(moved.get("/groups/" + GROUP).body()).as("still signed in on the other node")
				.contains(MEMBER_PAGE);
			try (StompMember again = StompMember.connect(moved)) {
				// the page sends again whatever it has no acknowledgement for, under the
				// same ids
				for (Map.Entry<String, String> message : sent.entrySet()) {
					if (!acked.contains(message.getKey())) {
						assertThat(again.sendAndAwait(groupId, message.getKey(), message.getValue()).get("outcome"))
							.isEqualTo("STORED");
					}
				}
				Map<String, Integer> caughtUp = Streams.counts(Streams.catchUp(again, groupId, start));
				assertThat(caughtUp).as("every message acknowledged before the stop")
					.containsKeys(acked.toArray(String[]::new));
				assertThat(caughtUp).as("nothing but what was sent").containsOnlyKeys(sent.keySet());
				assertThat(caughtUp.values()).as("each exactly once").allMatch((count) -> count == 1);
				assertThat(Streams.counts(Streams.catchUp(receiver, groupId, start)))
					.as("the same for a member on the other node")
					.isEqualTo(caughtUp);
			}
		}
		finally {
			receiver.close();
			// the tests after this one, whatever their order, find both nodes running
			cluster.restartNode(0);
		}
	}

	@Test
	void aSessionOutlivesARedisRestart() throws Exception {
		LaunchedPerson person = member(0, "daniel-reyes");
		cluster.redis().stop();
		cluster.redis().restart();

		// the nodes reconnect to Redis by themselves; until they have, a page may fail
		LaunchedPerson onSecond = person.at(cluster, 1);
		HttpResponse<String> page = null;
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			page = onSecond.get("/groups/" + GROUP);
			if (page.statusCode() == 200) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(page).isNotNull();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).as("the member is still signed in").contains(MEMBER_PAGE);
	}

	/** Launches a persona into a node and makes them a member of the group. */
	private static LaunchedPerson member(int node, String persona) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(cluster, node, persona);
		String page = person.get("/groups/" + GROUP).body();
		if (!page.contains(MEMBER_PAGE)) {
			var joined = person.submit("/groups/" + GROUP + "/join", "join-form",
					List.of("displayName", persona.substring(0, persona.indexOf('-')), "acceptGuidelines", "true"));
			assertThat(joined.statusCode()).isEqualTo(302);
			page = person.get("/groups/" + GROUP).body();
		}
		Matcher id = GROUP_ID.matcher(page);
		assertThat(id.find()).isTrue();
		groupId = Long.parseLong(id.group(1));
		return person;
	}

	@SuppressWarnings("unchecked")
	private static long seqOf(Map<String, Object> reply) {
		return ((Number) ((Map<String, Object>) reply.get("message")).get("seq")).longValue();
	}

}
