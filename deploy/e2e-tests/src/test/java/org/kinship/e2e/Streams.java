package org.kinship.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the two-node tests do with a stream of messages: send one until the socket closes,
 * gather the sender's acknowledgements, catch a member up page by page, count each client
 * id.
 */
final class Streams {

	private Streams() {
	}

	/**
	 * Starts sending up to 2,000 messages to the group, one every few milliseconds, on a
	 * thread of their own, until the sender's socket closes; each is put in {@code sent}
	 * under its client id before it goes.
	 * @return the sending thread, started
	 */
	static Thread sendUntilClosed(StompMember sender, long groupId, Map<String, String> sent) {
		Thread stream = new Thread(() -> {
			for (int i = 0; i < 2000 && sender.connected(); i++) {
				String clientId = UUID.randomUUID().toString();
				sent.put(clientId, "Stream " + i);
				try {
					sender.send(groupId, clientId, "Stream " + i);
					Thread.sleep(2);
				}
				catch (RuntimeException | InterruptedException ex) {
					return;
				}
			}
		});
		stream.start();
		return stream;
	}

	/**
	 * Gathers the client ids the server acknowledged as stored until at least
	 * {@code atLeast} are in, or until the replies stop coming ({@code atLeast} 0: all
	 * that come within the patience).
	 */
	static void collectAcks(StompMember sender, Set<String> acked, int atLeast) throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> reply = sender.replies().poll(300, TimeUnit.MILLISECONDS);
			if (reply == null) {
				if (acked.size() >= atLeast) {
					return;
				}
				continue;
			}
			if ("STORED".equals(reply.get("outcome"))) {
				acked.add((String) reply.get("clientId"));
			}
			if (atLeast > 0 && acked.size() >= atLeast) {
				return;
			}
		}
	}

	/** Every message of the group after {@code afterSeq}, asked for a page at a time. */
	static List<Map<String, Object>> catchUp(StompMember member, long groupId, long afterSeq)
			throws InterruptedException {
		List<Map<String, Object>> all = new ArrayList<>();
		long after = afterSeq;
		while (true) {
			List<Map<String, Object>> page = member.since(groupId, after);
			all.addAll(page);
			if (page.isEmpty()) {
				return all;
			}
			after = ((Number) page.get(page.size() - 1).get("seq")).longValue();
		}
	}

	/** How often each client id appears. */
	static Map<String, Integer> counts(List<Map<String, Object>> messages) {
		Map<String, Integer> counts = new HashMap<>();
		messages.forEach((message) -> counts.merge((String) message.get("clientId"), 1, Integer::sum));
		return counts;
	}

}
