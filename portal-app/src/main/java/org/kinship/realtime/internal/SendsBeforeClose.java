package org.kinship.realtime.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * A socket many threads send on, as Spring's decorator makes it, whose close lets what
 * was sent before it go out first. Spring's decorator lets one thread write while the
 * others leave their frames in a buffer for that thread to empty, and a close stops the
 * emptying at once: an ERROR frame written just before its close (the answer to a frame
 * over the limit) was dropped whenever another frame to the same member (a group message,
 * a reply) was being written at that moment, and the member's socket closed without a
 * word. Kinship's own sends ({@link SessionSockets}) and Spring's handler
 * ({@link MessageBrokerConfiguration}) both use this decorator. A close now waits, at
 * most the send time limit, for the frames sent before it; a close for a socket too slow
 * to write to does not wait.
 * <p>
 * Frames published in order (group messages through the broker, replies) are released one
 * at a time: Spring's STOMP handler hands the decorator a callback that lets the socket's
 * next ordered frame go once this one is in the buffer. Spring's decorator keeps that
 * callback in one field and runs it for every frame sent after it, so a frame that is not
 * published in order (a RECEIPT, an ERROR frame) ran the last ordered frame's release
 * again, at times on another thread while that frame's own send ran it: the socket's
 * ordered queue was then emptied twice, Spring's handler failed the send and closed the
 * socket (1002, no reason), or skipped the frame behind it. Here a release runs once, for
 * the frame the thread that was handed it sends next.
 */
final class SendsBeforeClose extends ConcurrentWebSocketSessionDecorator {

	/** How often a close looks again at what is still being written. */
	private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/**
	 * Looks in a row that found frames waiting and nobody writing them: Spring's
	 * decorator can leave a frame in the buffer for the next send to write, and a close
	 * does not wait for a send that may never come.
	 */
	private static final int IDLE_LOOKS = 3;

	/** When a frame was last handed to this socket, by {@link System#nanoTime()}. */
	private volatile long lastSent = System.nanoTime();

	/**
	 * The release of the next ordered frame, until the thread handed it sends its frame.
	 */
	private final AtomicReference<Release> release = new AtomicReference<>();

	SendsBeforeClose(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
		super(delegate, sendTimeLimit, bufferSizeLimit);
		super.setMessageCallback(this::released);
	}

	/**
	 * Keeps the release Spring's STOMP handler hands over just before it sends an ordered
	 * frame, for that frame alone.
	 * @param callback what lets the socket's next ordered frame go
	 */
	@Override
	public void setMessageCallback(Consumer<WebSocketMessage<?>> callback) {
		this.release.set(new Release(Thread.currentThread(), callback));
	}

	/** Runs in the sending thread once its frame is in the buffer. */
	private void released(WebSocketMessage<?> message) {
		Release pending = this.release.get();
		if (pending != null && pending.thread() == Thread.currentThread()
				&& this.release.compareAndSet(pending, null)) {
			pending.callback().accept(message);
		}
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		this.lastSent = System.nanoTime();
		super.sendMessage(message);
	}

	/**
	 * When a frame was last handed to this socket to send, or when it opened if none was.
	 * @return a {@link System#nanoTime()} reading
	 */
	long lastSent() {
		return this.lastSent;
	}

	@Override
	public void close(CloseStatus status) throws IOException {
		if (!CloseStatus.SESSION_NOT_RELIABLE.equals(status)) {
			awaitSends();
		}
		super.close(status);
	}

	private void awaitSends() {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(getSendTimeLimit());
		int idle = 0;
		while ((getBufferSize() > 0 || getTimeSinceSendStarted() > 0) && isOpen() && deadline - System.nanoTime() > 0) {
			if (getTimeSinceSendStarted() > 0) {
				idle = 0;
			}
			else if (++idle >= IDLE_LOOKS) {
				return;
			}
			LockSupport.parkNanos(LOOK_AGAIN_NANOS);
		}
	}

	/**
	 * A release of the next ordered frame, for the frame the thread sends next.
	 *
	 * @param thread the thread that was handed it
	 * @param callback the release
	 */
	private record Release(Thread thread, Consumer<WebSocketMessage<?>> callback) {
	}

}
