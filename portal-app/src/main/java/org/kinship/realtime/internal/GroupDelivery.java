package org.kinship.realtime.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * Sends a group's messages to the group's open pages on this node. The broker's own way
 * builds a message with its headers for every page, queues each as a task for the
 * outbound threads and has Spring's STOMP handler encode it again; at 200 pages in a
 * group that was most of what a message cost. Here a message's frame is encoded once
 * ({@link EncodedMessage}) and each of a few delivery threads writes it to its share of
 * the pages. A page always belongs to the same thread, so it gets a group's messages in
 * the order they were handed over. Subscriptions stay the broker's
 * ({@link ExactSubscriptions}); everything else still travels the broker's way.
 * <p>
 * Frames go out as binary WebSocket messages, their bytes written as they are. When
 * messages arrive faster than a thread writes them, it takes all that wait and writes
 * each page's frames in one WebSocket message of up to {@value #BATCH_BYTES} bytes
 * ({@link #pack}); STOMP allows several frames in one message and the page's client, like
 * Spring's, reads them one after another. A node that falls behind so catches up with
 * fewer, larger writes instead of falling further behind.
 * <p>
 * A page too slow to take its frames is closed, as Spring closes it; its script
 * reconnects and catches up from the database.
 * <p>
 * The same threads write the heart-beats {@link Heartbeats} finds pages owed, so that a
 * page stuck on a slow client holds up no other page's heart-beat either.
 * <p>
 * Meters: {@value #DELIVERED} counts the frames written to pages, and {@value #LATENCY}
 * times each page's frame from when the message was stored to when it was written on the
 * socket (for messages handed over with that time).
 */
@Component
class GroupDelivery {

	/** As many as Spring's outbound threads, so that a slow page holds up few others. */
	static final int THREADS = 4;

	/**
	 * The most bytes of frames put together in one WebSocket message: the default buffer
	 * of a Java WebSocket client, so that clients that read one frame at a time can read
	 * these too. A frame larger than this goes alone.
	 */
	static final int BATCH_BYTES = 8 * 1024;

	/**
	 * A STOMP heart-beat: an end of line between frames, as Spring's STOMP handler writes
	 * it.
	 */
	private static final TextMessage HEARTBEAT = new TextMessage("\n");

	/** The most waiting messages a thread takes at once. */
	private static final int MOST_TAKEN = 256;

	private static final Logger log = LoggerFactory.getLogger(GroupDelivery.class);

	/** Frames written on sockets, one per page and message. */
	static final String DELIVERED = "kinship.messages.delivered";

	/** From a message stored to its frame written on a page's socket. */
	static final String LATENCY = "kinship.messages.delivery";

	private final SessionSockets sockets;

	private final Counter delivered;

	private final Timer latency;

	private final Clock clock;

	private final ExactSubscriptions subscriptions;

	private final Share[] shares = new Share[THREADS];

	/**
	 * Starts the delivery loops.
	 * @param sockets the open sockets
	 * @param subscriptions the broker's subscriptions
	 * @param threads at least {@link #THREADS} threads, each to run one loop until it is
	 * interrupted
	 * @param meters where the deliveries are counted and timed
	 * @param clock the clock that stamped the messages' stored times
	 */
	GroupDelivery(SessionSockets sockets, ExactSubscriptions subscriptions,
			@Qualifier("groupDeliveryThreads") ExecutorService threads, MeterRegistry meters, Clock clock) {
		this.sockets = sockets;
		this.subscriptions = subscriptions;
		this.clock = clock;
		this.delivered = Counter.builder(DELIVERED)
			.description("Group message frames written to open pages")
			.register(meters);
		this.latency = Timer.builder(LATENCY)
			.description("From a message stored to its frame written on a page's socket")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(meters);
		for (int index = 0; index < THREADS; index++) {
			this.shares[index] = new Share(index);
			threads.execute(this.shares[index]);
		}
	}

	/**
	 * Hands a message to the delivery threads; returns at once.
	 * @param destination the group's topic
	 * @param encoded the message's frame
	 * @param storedAt when the message was stored, by this node's clock, to time its
	 * delivery from; {@code null} for what is not timed (changes, relayed messages)
	 */
	void deliver(String destination, EncodedMessage encoded, @Nullable Instant storedAt) {
		deliverTo(this.subscriptions.subscribersOf(destination), encoded, storedAt);
	}

	/**
	 * Hands a message to the delivery threads for some pages; returns at once.
	 * @param pages session id to the subscription ids the message is for; not changed
	 * afterwards
	 * @param encoded the message's frame
	 * @param storedAt when the message was stored, or {@code null} when not timed
	 */
	void deliverTo(Map<String, List<String>> pages, EncodedMessage encoded, @Nullable Instant storedAt) {
		if (pages.isEmpty()) {
			return;
		}
		Delivery delivery = new Delivery(pages, encoded, storedAt);
		for (Share share : this.shares) {
			share.queue.add(delivery);
		}
	}

	/**
	 * Hands a STOMP heart-beat for some pages to the delivery threads; returns at once. A
	 * page's heart-beat is written by the thread that writes its group messages, and not
	 * at all when that thread writes it a message in the same round.
	 * @param sessionIds the pages' session ids
	 */
	void beat(Collection<String> sessionIds) {
		Beat beat = new Beat(List.copyOf(sessionIds));
		for (Share share : this.shares) {
			share.queue.add(beat);
		}
	}

	private void sendHeartbeat(String sessionId) {
		write(sessionId, (socket) -> socket.sendMessage(HEARTBEAT));
	}

	private void send(String sessionId, List<byte[]> frames) {
		write(sessionId, (socket) -> {
			for (byte[] message : pack(frames, BATCH_BYTES)) {
				socket.sendMessage(new BinaryMessage(message));
			}
			this.delivered.increment(frames.size());
		});
	}

	/**
	 * Writes to a page's open socket. A socket too slow to take what it is sent is
	 * closed; one that is closing is left, and its page catches up when it reconnects.
	 */
	private void write(String sessionId, Writing writing) {
		WebSocketSession socket = this.sockets.socket(sessionId);
		if (socket == null) {
			return;
		}
		try {
			writing.to(socket);
		}
		catch (SessionLimitExceededException ex) {
			close(socket);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("A frame did not reach a closing socket ({})", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Puts frames together, in their order, into as few messages as the limit allows.
	 * @param frames STOMP frames, each ending in its NUL byte
	 * @param limit the most bytes of a message holding more than one frame
	 * @return the messages; a frame over the limit is a message of its own
	 */
	static List<byte[]> pack(List<byte[]> frames, int limit) {
		if (frames.size() == 1) {
			return frames;
		}
		List<byte[]> messages = new ArrayList<>();
		int from = 0;
		while (from < frames.size()) {
			int to = from + 1;
			int bytes = frames.get(from).length;
			while (to < frames.size() && bytes + frames.get(to).length <= limit) {
				bytes += frames.get(to).length;
				to++;
			}
			if (to - from == 1) {
				messages.add(frames.get(from));
			}
			else {
				byte[] message = new byte[bytes];
				int at = 0;
				for (byte[] frame : frames.subList(from, to)) {
					System.arraycopy(frame, 0, message, at, frame.length);
					at += frame.length;
				}
				messages.add(message);
			}
			from = to;
		}
		return messages;
	}

	private static void close(WebSocketSession socket) {
		try {
			socket.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		catch (IOException ex) {
			// already gone
		}
	}

	/**
	 * One message for the pages that follow its group.
	 *
	 * @param pages session id to its subscription ids
	 * @param encoded the frame
	 * @param storedAt when it was stored, or {@code null} when not timed
	 */
	private record Delivery(Map<String, List<String>> pages, EncodedMessage encoded,
			@Nullable Instant storedAt) implements Work {
	}

	/**
	 * Pages that have had nothing written for a while and are owed a heart-beat.
	 *
	 * @param sessionIds the pages' session ids
	 */
	private record Beat(List<String> sessionIds) implements Work {
	}

	/** What is written to one page's socket. */
	@FunctionalInterface
	private interface Writing {

		void to(WebSocketSession socket) throws IOException;

	}

	/** What a delivery thread takes from its queue. */
	private sealed interface Work permits Delivery, Beat {

	}

	/**
	 * The loop of a delivery thread ({@link RealtimeConfiguration}) and the pages whose
	 * session ids fall to it.
	 */
	private final class Share implements Runnable {

		private final int index;

		private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();

		Share(int index) {
			this.index = index;
		}

		@Override
		public void run() {
			List<Work> taken = new ArrayList<>();
			try {
				while (!Thread.currentThread().isInterrupted()) {
					taken.add(this.queue.take());
					this.queue.drainTo(taken, MOST_TAKEN - 1);
					write(taken);
					taken.clear();
				}
			}
			catch (InterruptedException ex) {
				// stopping
			}
		}

		/**
		 * Writes messages to this thread's pages, each page's frames in their order, then
		 * a heart-beat to each page owed one that got no frame.
		 */
		private void write(List<Work> taken) {
			Map<String, List<byte[]>> byPage = new LinkedHashMap<>();
			Set<String> owedBeat = new LinkedHashSet<>();
			int[] pagesOf = new int[taken.size()];
			for (int at = 0; at < taken.size(); at++) {
				if (taken.get(at) instanceof Delivery delivery) {
					for (Map.Entry<String, List<String>> page : delivery.pages().entrySet()) {
						if (isMine(page.getKey())) {
							List<byte[]> frames = byPage.computeIfAbsent(page.getKey(), (key) -> new ArrayList<>(2));
							for (String subscriptionId : page.getValue()) {
								frames.add(delivery.encoded().frameFor(subscriptionId));
							}
							pagesOf[at]++;
						}
					}
				}
				else if (taken.get(at) instanceof Beat beat) {
					beat.sessionIds().stream().filter(this::isMine).forEach(owedBeat::add);
				}
			}
			byPage.forEach(GroupDelivery.this::send);
			owedBeat.removeAll(byPage.keySet());
			owedBeat.forEach(GroupDelivery.this::sendHeartbeat);
			timeWritten(taken, pagesOf);
		}

		private boolean isMine(String sessionId) {
			return Math.floorMod(sessionId.hashCode(), THREADS) == this.index;
		}

		/**
		 * Times each timed message once for every page of this thread it was written to.
		 */
		private void timeWritten(List<Work> taken, int[] pagesOf) {
			Instant written = GroupDelivery.this.clock.instant();
			for (int at = 0; at < taken.size(); at++) {
				Instant storedAt = (taken.get(at) instanceof Delivery delivery) ? delivery.storedAt() : null;
				if (storedAt != null) {
					Duration latency = Duration.between(storedAt, written);
					for (int page = 0; page < pagesOf[at]; page++) {
						GroupDelivery.this.latency.record(latency);
					}
				}
			}
		}

	}

}
