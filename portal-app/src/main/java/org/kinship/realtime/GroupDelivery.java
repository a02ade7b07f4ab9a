package org.kinship.realtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
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
 * A page too slow to take its frames is closed, as Spring closes it; its script
 * reconnects and catches up from the database.
 */
@Component
class GroupDelivery implements DisposableBean {

	/** As many as Spring's outbound threads, so that a slow page holds up few others. */
	private static final int THREADS = 4;

	private static final Logger log = LoggerFactory.getLogger(GroupDelivery.class);

	private final SessionSockets sockets;

	private final ExactSubscriptions subscriptions;

	private final Share[] shares = new Share[THREADS];

	GroupDelivery(SessionSockets sockets, ExactSubscriptions subscriptions) {
		this.sockets = sockets;
		this.subscriptions = subscriptions;
		for (int index = 0; index < THREADS; index++) {
			this.shares[index] = new Share(index);
			this.shares[index].start();
		}
	}

	/**
	 * Hands a message to the delivery threads; returns at once.
	 * @param destination the group's topic
	 * @param encoded the message's frame
	 */
	void deliver(String destination, EncodedMessage encoded) {
		Map<String, List<String>> pages = this.subscriptions.subscribersOf(destination);
		if (pages.isEmpty()) {
			return;
		}
		Delivery delivery = new Delivery(pages, encoded);
		for (Share share : this.shares) {
			share.queue.add(delivery);
		}
	}

	@Override
	public void destroy() {
		for (Share share : this.shares) {
			share.interrupt();
		}
	}

	private void send(String sessionId, List<String> subscriptionIds, EncodedMessage encoded) {
		WebSocketSession socket = this.sockets.socket(sessionId);
		if (socket == null) {
			return;
		}
		try {
			for (String subscriptionId : subscriptionIds) {
				socket.sendMessage(encoded.frameFor(subscriptionId));
			}
		}
		catch (SessionLimitExceededException ex) {
			close(socket);
		}
		catch (IOException | RuntimeException ex) {
			// the socket is closing; the page catches up when it reconnects
			log.debug("A group message did not reach a closing socket ({})", ex.getClass().getSimpleName());
		}
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
	 */
	private record Delivery(Map<String, List<String>> pages, EncodedMessage encoded) {
	}

	/** A delivery thread and the pages whose session ids fall to it. */
	private final class Share extends Thread {

		private final int index;

		private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();

		Share(int index) {
			super("kinship-group-delivery-" + index);
			this.index = index;
			setDaemon(true);
		}

		@Override
		public void run() {
			try {
				while (!isInterrupted()) {
					Delivery delivery = this.queue.take();
					delivery.pages().forEach((sessionId, subscriptionIds) -> {
						if (Math.floorMod(sessionId.hashCode(), THREADS) == this.index) {
							send(sessionId, subscriptionIds, delivery.encoded());
						}
					});
				}
			}
			catch (InterruptedException ex) {
				// stopping
			}
		}

	}

}
