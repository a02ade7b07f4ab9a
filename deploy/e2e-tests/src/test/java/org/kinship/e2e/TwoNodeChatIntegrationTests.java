package org.kinship.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Kinship nodes on one MariaDB and one Redis: a member on one node receives what a
 * member on the other sends; a Redis restart during a stream loses and doubles nothing; a
 * node stopped in the middle of a stream loses no acknowledged message, and catch-up on
 * the other node shows each exactly once.
 */
class TwoNodeChatIntegrationTests {

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final String GROUP = "epilepsy-circle";

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
	void aMemberOnOneNodeReceivesWhatAMemberOnTheOtherSends() throws Exception {
		try (StompMember sender = online(0, "daniel-reyes"); StompMember receiver = online(1, "emily-chen")) {
			BlockingQueue<Map<String, Object>> received = receiver.follow(groupId);
			Map<String, Object> reply = sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "Across nodes");
			assertThat(reply.get("outcome")).isEqualTo("STORED");
			Map<String, Object> message = received.poll(60, TimeUnit.SECONDS);
			assertThat(message).as("delivered on the other node").isNotNull();
			assertThat(message.get("html")).isEqualTo("<p>Across nodes</p>");

			// who shows as online is shared through Redis: the other node lists the
			// sender
			BlockingQueue<Map<String, Object>> activity = receiver.followActivity(groupId);
			sender.showOnline(groupId, true);
			Object listed = null;
			long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
			while (!List.of(message.get("author")).equals(listed) && System.currentTimeMillis() < deadline) {
				receiver.showOnline(groupId, false);
				Map<String, Object> update = activity.poll(500, TimeUnit.MILLISECONDS);
				listed = (update != null) ? update.get("online") : null;
			}
			assertThat(listed).isEqualTo(List.of(message.get("author")));
		}
	}

	@Test
	void onlyTheNodesWhereAMemberFollowsAGroupHearItsMessages() throws Exception {
		try (StompMember sender = online(0, "daniel-reyes"); StompMember receiver = online(1, "emily-chen")) {
			String groupChannel = "kinship:chat:/topic/groups/" + groupId;
			// what the other tests left behind is gone once its linger is over
			cluster.redis().awaitExactly(groupChannel, 0);

			BlockingQueue<Map<String, Object>> received = receiver.follow(groupId);
			// only node 1 has a page on the group: Redis delivers the group's messages to
			// one node, not to both, while both still hear the node-wide channel
			assertThat(cluster.redis().subscribers(groupChannel)).as("nodes hearing the group").isEqualTo(1);
			assertThat(cluster.redis().subscribers("kinship:chat")).as("nodes on the node-wide channel").isEqualTo(2);
			String clientId = UUID.randomUUID().toString();
			assertThat(sender.sendAndAwait(groupId, clientId, "To the node that shows it").get("outcome"))
				.isEqualTo("STORED");
			Map<String, Object> message = received.poll(60, TimeUnit.SECONDS);
			assertThat(message).as("delivered on the node that follows the group").isNotNull();
			assertThat(message.get("clientId")).isEqualTo(clientId);

			// a page on node 0 too: both nodes hear the group, each message reaches each
			// page once
			BlockingQueue<Map<String, Object>> own = sender.follow(groupId);
			assertThat(cluster.redis().subscribers(groupChannel)).isEqualTo(2);
			String second = UUID.randomUUID().toString();
			sender.sendAndAwait(groupId, second, "To both nodes");
			assertThat(received.poll(60, TimeUnit.SECONDS)).extracting((live) -> live.get("clientId"))
				.isEqualTo(second);
			assertThat(own.poll(60, TimeUnit.SECONDS)).extracting((live) -> live.get("clientId")).isEqualTo(second);

			// the last page on node 1 leaves: node 1 stops hearing the group after the
			// linger, node 0 keeps it
			receiver.close();
			cluster.redis().awaitExactly(groupChannel, 1);
			sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "To node 0 alone");
			assertThat(own.poll(60, TimeUnit.SECONDS)).as("still delivered where followed").isNotNull();
		}
	}

	@Test
	void aRedisRestartDuringAStreamLosesAndDoublesNothing() throws Exception {
		try (StompMember sender = online(0, "daniel-reyes"); StompMember receiver = online(1, "emily-chen")) {
			BlockingQueue<Map<String, Object>> live = receiver.follow(groupId);
			Map<String, Long> acked = new LinkedHashMap<>();
			long start = seqOf(sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "Before the stream"));
			sendAcknowledged(sender, "before", 20, acked);
			cluster.redis().stop();
			try {
				sendAcknowledged(sender, "while Redis is down", 20, acked);
			}
			finally {
				// the tests after this one, whatever their order, find Redis running
				cluster.redis().restart();
			}
			awaitLiveDeliveryAgain(sender, live, acked);
			sendAcknowledged(sender, "after", 20, acked);

			Map<String, Integer> seen = new HashMap<>();
			drain(live).forEach((message) -> seen.merge((String) message.get("clientId"), 1, Integer::sum));
			assertThat(seen.values()).as("no live message doubled").allMatch((count) -> count == 1);
			Map<String, Integer> caughtUp = Streams.counts(Streams.catchUp(receiver, groupId, start));
			assertThat(caughtUp).as("catch-up holds every acknowledged message once").containsOnlyKeys(acked.keySet());
			assertThat(caughtUp.values()).allMatch((count) -> count == 1);
		}
	}

	@Test
	void aStoppedNodeLosesNoAcknowledgedMessage() throws Exception {
		StompMember receiver = online(1, "emily-chen");
		StompMember sender = online(0, "daniel-reyes");
		long start = seqOf(sender.sendAndAwait(groupId, UUID.randomUUID().toString(), "Before the stop"));
		Map<String, String> sent = new ConcurrentHashMap<>();
		Set<String> acked = ConcurrentHashMap.newKeySet();
		Thread stream = Streams.sendUntilClosed(sender, groupId, sent);
		Streams.collectAcks(sender, acked, 50);
		cluster.stopNode(0);
		try {
			stream.join(60_000);
			Streams.collectAcks(sender, acked, 0);
		}
		finally {
			// the tests after this one, whatever their order, find both nodes running
			cluster.restartNode(0);
		}
		assertThat(acked).as("acknowledged before the stop").hasSizeGreaterThanOrEqualTo(50);

		// the member's portal sends them to the other node; their page sends again
		// whatever it has no acknowledgement for, under the same ids
		StompMember again = online(1, "daniel-reyes");
		for (Map.Entry<String, String> message : sent.entrySet()) {
			if (!acked.contains(message.getKey())) {
				assertThat(again.sendAndAwait(groupId, message.getKey(), message.getValue()).get("outcome"))
					.isEqualTo("STORED");
			}
		}
		Map<String, Integer> caughtUp = Streams.counts(Streams.catchUp(receiver, groupId, start));
		assertThat(caughtUp).as("every message acknowledged before the stop")
			.containsKeys(acked.toArray(String[]::new));
		assertThat(caughtUp).as("nothing but what was sent").containsOnlyKeys(sent.keySet());
		assertThat(caughtUp.values()).as("each exactly once").allMatch((count) -> count == 1);
		receiver.close();
		again.close();
	}

	private static StompMember online(int node, String persona) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(cluster, node, persona);
		String page = person.get("/groups/" + GROUP).body();
		if (!page.contains("You are a member as")) {
			var joined = person.submit("/groups/" + GROUP + "/join", "join-form",
					List.of("displayName", persona.substring(0, persona.indexOf('-')), "acceptGuidelines", "true"));
			assertThat(joined.statusCode()).isEqualTo(302);
			page = person.get("/groups/" + GROUP).body();
		}
		Matcher id = GROUP_ID.matcher(page);
		assertThat(id.find()).isTrue();
		groupId = Long.parseLong(id.group(1));
		return StompMember.connect(person);
	}

	private static void sendAcknowledged(StompMember sender, String label, int count, Map<String, Long> acked)
			throws InterruptedException {
		for (int i = 0; i < count; i++) {
			String clientId = UUID.randomUUID().toString();
			Map<String, Object> reply = sender.sendAndAwait(groupId, clientId, label + " " + i);
			assertThat(reply.get("outcome")).isEqualTo("STORED");
			acked.put(clientId, seqOf(reply));
		}
	}

	private static void awaitLiveDeliveryAgain(StompMember sender, BlockingQueue<Map<String, Object>> live,
			Map<String, Long> acked) throws InterruptedException {
		List<Map<String, Object>> buffered = new ArrayList<>();
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			String probe = UUID.randomUUID().toString();
			acked.put(probe, seqOf(sender.sendAndAwait(groupId, probe, "Probe")));
			Map<String, Object> delivered;
			while ((delivered = live.poll(500, TimeUnit.MILLISECONDS)) != null) {
				buffered.add(delivered);
				if (probe.equals(delivered.get("clientId"))) {
					live.addAll(buffered);
					return;
				}
			}
		}
		throw new AssertionError("Cross-node delivery did not resume after Redis came back");
	}

	private static List<Map<String, Object>> drain(BlockingQueue<Map<String, Object>> queue) {
		List<Map<String, Object>> drained = new ArrayList<>();
		queue.drainTo(drained);
		return drained;
	}

	@SuppressWarnings("unchecked")
	private static long seqOf(Map<String, Object> reply) {
		return ((Number) ((Map<String, Object>) reply.get("message")).get("seq")).longValue();
	}

}
