package org.kinship.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ContainerProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * How long a crisis message takes to show in a facilitator's open review queue: a member
 * sends over STOMP, the facilitator's queue page is told over its own STOMP subscription
 * and reloads its list over HTTP, as {@code review.js} does; the time runs from the send
 * to the reloaded list holding the message. Real launches, a group made with the
 * community manager's pages and the sandbox's facilitator assigned to it.
 */
final class EscalationBenchmark {

	private static final String FACILITATOR = "tom-alvarez";

	private static final String MEMBER = "maria-santos";

	private EscalationBenchmark() {
	}

	static void main(String[] args) throws Exception {
		String kinship = value(args, "--kinship", "http://localhost:18080");
		String sandbox = value(args, "--sandbox", "http://localhost:19090");
		int messages = Integer.parseInt(value(args, "--messages", "30"));
		int warmup = Integer.parseInt(value(args, "--warmup", "5"));

		Community community = new Community(sandbox, kinship);
		Browser manager = community.launch(Community.MANAGER);
		String slug = community.createGroup(manager,
				"Escalation bench " + UUID.randomUUID().toString().substring(0, 6));
		manager.submit(kinship + "/manage/groups/" + slug, "assign-facilitator",
				Map.of("fhirUser", "Practitioner/" + FACILITATOR, "assign", "true"));
		Browser facilitator = community.launch(FACILITATOR);
		Browser member = community.launch(MEMBER);
		community.join(member, slug, "Bench member");
		long groupId = community.groupId(member, slug);

		WebSocketStompClient client = new WebSocketStompClient(
				new StandardWebSocketClient(ContainerProvider.getWebSocketContainer()));
		client.setMessageConverter(new JacksonJsonMessageConverter());
		String socket = kinship.replaceFirst("^http", "ws") + "/ws";
		BlockingQueue<Long> signals = new LinkedBlockingQueue<>();
		StompSession queuePage = connect(client, socket, facilitator.cookieHeader());
		queuePage.subscribe("/topic/review/" + groupId, new Arrivals(signals));
		StompSession sender = connect(client, socket, member.cookieHeader());
		BlockingQueue<Long> replies = new LinkedBlockingQueue<>();
		sender.subscribe("/user/queue/replies", new Arrivals(replies));
		Thread.sleep(500);

		Latencies signalled = new Latencies();
		Latencies shown = new Latencies();
		int missed = 0;
		for (int i = 0; i < warmup + messages; i++) {
			signals.clear();
			String marker = "bench-" + UUID.randomUUID().toString().substring(0, 8);
			long sent = System.nanoTime();
			sender.send("/app/groups/" + groupId + "/send", Map.of("clientId", UUID.randomUUID().toString(), "text",
					"I want to end my life, I can not go on " + marker));
			Long signal = signals.poll(10, TimeUnit.SECONDS);
			boolean listed = false;
			while (signal != null && !listed && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10)) {
				listed = facilitator.get(kinship + "/review/items").body().contains(marker);
				if (!listed) {
					signal = signals.poll(2, TimeUnit.SECONDS);
				}
			}
			long done = System.nanoTime();
			replies.poll(5, TimeUnit.SECONDS);
			if (i < warmup) {
				continue;
			}
			if (signal == null || !listed) {
				missed++;
				continue;
			}
			signalled.record(signal - sent);
			shown.record(done - sent);
		}
		sender.disconnect();
		queuePage.disconnect();
		client.stop();

		System.out.printf(Locale.ROOT, "crisis messages: %d measured (%d warm-up), %d not shown within 10 s%n",
				shown.count(), warmup, missed);
		System.out.printf(Locale.ROOT, "queue told (STOMP signal): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				signalled.percentileMillis(50), signalled.percentileMillis(99), signalled.maxMillis());
		System.out.printf(Locale.ROOT,
				"shown in the open queue (signal and reload): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target under 2,000 ms)%n",
				shown.percentileMillis(50), shown.percentileMillis(99), shown.maxMillis());
		System.out.printf(Locale.ROOT,
				"{\"messages\":%d,\"missed\":%d,\"signal_p50_ms\":%.1f,\"signal_p99_ms\":%.1f,\"shown_p50_ms\":%.1f,"
						+ "\"shown_p99_ms\":%.1f,\"shown_max_ms\":%.1f}%n",
				shown.count(), missed, signalled.percentileMillis(50), signalled.percentileMillis(99),
				shown.percentileMillis(50), shown.percentileMillis(99), shown.maxMillis());
	}

	private static StompSession connect(WebSocketStompClient client, String url, String cookies) throws Exception {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookies);
		return client.connectAsync(url, handshake, new StompHeaders(), new StompSessionHandlerAdapter() {
		}).get(10, TimeUnit.SECONDS);
	}

	private static String value(String[] args, String name, String fallback) {
		List<String> all = new ArrayList<>(List.of(args));
		int at = all.indexOf(name);
		return (at >= 0 && at + 1 < all.size()) ? all.get(at + 1) : fallback;
	}

	/** Notes when each frame arrives. */
	private static final class Arrivals implements StompFrameHandler {

		private final BlockingQueue<Long> into;

		Arrivals(BlockingQueue<Long> into) {
			this.into = into;
		}

		@Override
		public java.lang.reflect.Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			this.into.add(System.nanoTime());
		}

	}

}
