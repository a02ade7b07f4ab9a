package org.kinship.realtime.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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

	SendsBeforeClose(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
		super(delegate, sendTimeLimit, bufferSizeLimit);
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

}
