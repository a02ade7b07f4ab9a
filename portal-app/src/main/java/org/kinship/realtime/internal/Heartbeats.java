package org.kinship.realtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The node's STOMP heart-beats to its pages, a few at a time. Spring's simple broker
 * writes them itself: every heart-beat interval it puts one on the outbound channel for
 * every socket it has written nothing to in that time, all in the same moment, and as it
 * writes none of the group messages ({@link GroupDelivery} does), that is nearly every
 * socket. With 2,000 pages open the 2,000 heart-beats queued ahead of every reply waiting
 * on the outbound threads, and each interval every answer to a send, a catch-up or an
 * acknowledgement stalled for a second or more on a busy node. The broker now only asks
 * pages for heart-beats and checks that they come ({@link WebSocketConfiguration}); here
 * the pages are split into as many slots as the interval has ticks, each tick looks at
 * one slot, and a page that has had nothing written for half the interval is owed a
 * heart-beat, which the delivery threads write. A page so hears from the node at least
 * every one and a half intervals, inside the twice the interval a STOMP client allows.
 * <p>
 * As a channel interceptor on the outbound channel it tells each page, in the
 * {@code CONNECTED} frame, that the node sends heart-beats, and remembers the page.
 */
final class Heartbeats implements ChannelInterceptor {

	/** How often one slot of pages is looked at. */
	static final Duration TICK = Duration.ofSeconds(1);

	private final SessionSockets sockets;

	private final GroupDelivery delivery;

	private final long intervalMillis;

	private final long owedAfterNanos;

	private final int slots;

	private final LongSupplier nanoTime;

	/** Pages that were told the node sends heart-beats, by session id. */
	private final Set<String> pages = ConcurrentHashMap.newKeySet();

	/** Ticks so far; read and written by the scheduler's one thread. */
	private long ticks;

	Heartbeats(SessionSockets sockets, GroupDelivery delivery, Duration interval) {
		this(sockets, delivery, interval, System::nanoTime);
	}

	Heartbeats(SessionSockets sockets, GroupDelivery delivery, Duration interval, LongSupplier nanoTime) {
		this.sockets = sockets;
		this.delivery = delivery;
		this.intervalMillis = interval.toMillis();
		this.owedAfterNanos = interval.toNanos() / 2;
		this.slots = (int) Math.max(1, interval.toMillis() / TICK.toMillis());
		this.nanoTime = nanoTime;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.CONNECT_ACK) {
			return message;
		}
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if (sessionId == null || this.intervalMillis <= 0) {
			return message;
		}
		this.pages.add(sessionId);
		long[] broker = (long[]) message.getHeaders().get(SimpMessageHeaderAccessor.HEART_BEAT_HEADER);
		long wanted = (broker != null && broker.length == 2) ? broker[1] : 0;
		return MessageBuilder.fromMessage(message)
			.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, new long[] { this.intervalMillis, wanted })
			.build();
	}

	/**
	 * One tick: the pages of the next slot that are owed a heart-beat get one. Run by the
	 * realtime scheduler every {@link #TICK}.
	 */
	void tick() {
		int slot = (int) (this.ticks++ % this.slots);
		long now = this.nanoTime.getAsLong();
		List<String> owed = new ArrayList<>();
		for (String sessionId : this.pages) {
			if (Math.floorMod(sessionId.hashCode(), this.slots) != slot) {
				continue;
			}
			SendsBeforeClose socket = this.sockets.socket(sessionId);
			if (socket == null) {
				this.pages.remove(sessionId);
			}
			else if (now - socket.lastSent() >= this.owedAfterNanos) {
				owed.add(sessionId);
			}
		}
		if (!owed.isEmpty()) {
			this.delivery.beat(owed);
		}
	}

	/**
	 * Pages that are sent heart-beats.
	 * @return how many
	 */
	int pages() {
		return this.pages.size();
	}

}
