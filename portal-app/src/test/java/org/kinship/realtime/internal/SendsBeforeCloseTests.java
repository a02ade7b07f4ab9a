package org.kinship.realtime.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SendsBeforeCloseTests {

	/** A ceiling for what the test waits on, reached only when it never happens. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** Longer than the test may take: a close that waited this long fails it. */
	private static final int SEND_TIME_LIMIT_MILLIS = (int) Duration.ofMinutes(10).toMillis();

	private static final TextMessage GROUP_MESSAGE = new TextMessage("MESSAGE\ndestination:/topic/groups/7\n\n{}\0");

	private static final TextMessage ERROR_FRAME = new TextMessage(
			"ERROR\nmessage:That frame is too large: at most 65536 bytes.\n\n\0");

	private final ExecutorService deliveryThread = Executors.newSingleThreadExecutor();

	private final ExecutorService closingThread = Executors.newSingleThreadExecutor();

	private final ExecutorService receiptThread = Executors.newSingleThreadExecutor();

	private final WebSocketSession container = mock(WebSocketSession.class);

	private final CountDownLatch writing = new CountDownLatch(1);

	private final CountDownLatch written = new CountDownLatch(1);

	private final SendsBeforeClose socket = new SendsBeforeClose(this.container, SEND_TIME_LIMIT_MILLIS, 512 * 1024);

	SendsBeforeCloseTests() throws Exception {
		given(this.container.isOpen()).willReturn(true);
		given(this.container.getId()).willReturn("socket-1");
		// the group message's write holds the socket until the test lets it finish
		willAnswer((invocation) -> {
			if (invocation.getArgument(0) == GROUP_MESSAGE) {
				this.writing.countDown();
				assertThat(this.written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
			}
			return null;
		}).given(this.container).sendMessage(any());
	}

	@AfterEach
	void stopThreads() {
		this.written.countDown();
		this.deliveryThread.shutdownNow();
		this.closingThread.shutdownNow();
		this.receiptThread.shutdownNow();
	}

	@Test
	void anErrorFrameSentWhileAGroupMessageIsBeingWrittenGoesOutBeforeTheClose() throws Exception {
		Future<?> delivery = this.deliveryThread.submit(() -> {
			this.socket.sendMessage(GROUP_MESSAGE);
			return null;
		});
		assertThat(this.writing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		// another thread writes: the ERROR frame waits in the buffer, as Spring's STOMP
		// handler leaves it before closing the socket
		this.socket.sendMessage(ERROR_FRAME);
		assertThat(this.socket.getBufferSize()).isPositive();
		Future<?> close = this.closingThread.submit(() -> {
			this.socket.close(CloseStatus.PROTOCOL_ERROR);
			return null;
		});

		this.written.countDown();
		delivery.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		close.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

		InOrder order = inOrder(this.container);
		order.verify(this.container).sendMessage(GROUP_MESSAGE);
		order.verify(this.container).sendMessage(ERROR_FRAME);
		order.verify(this.container).close(CloseStatus.PROTOCOL_ERROR);
	}

	@Test
	void aSocketTooSlowToWriteToIsClosedWithoutWaitingForItsWrites() throws Exception {
		this.deliveryThread.submit(() -> {
			this.socket.sendMessage(GROUP_MESSAGE);
			return null;
		});
		assertThat(this.writing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		this.socket.sendMessage(ERROR_FRAME);

		assertTimeoutPreemptively(PATIENCE, () -> this.socket.close(CloseStatus.SESSION_NOT_RELIABLE));

		verify(this.container).close(CloseStatus.SESSION_NOT_RELIABLE);
		verify(this.container, never()).sendMessage(ERROR_FRAME);
	}

	@Test
	void theReleaseOfTheNextOrderedFrameRunsOnceForTheFrameItWasHandedWith() throws Exception {
		TextMessage reply = new TextMessage("MESSAGE\ndestination:/user/queue/replies\n\n{}\0");
		TextMessage receipt = new TextMessage("RECEIPT\nreceipt-id:read\n\n\0");
		List<WebSocketMessage<?>> released = new CopyOnWriteArrayList<>();

		// Spring's STOMP handler hands over the release of the socket's next ordered
		// frame,
		// then sends the reply it came with; a RECEIPT, sent outside that order, goes out
		// from another outbound thread in between
		this.socket.setMessageCallback(released::add);
		sendFromAnotherThread(receipt);
		assertThat(released).as("a frame sent outside the order releases nothing").isEmpty();
		this.socket.sendMessage(reply);
		assertThat(released).containsExactly(reply);

		// the frames sent after it, from any thread, do not release the next one again
		sendFromAnotherThread(receipt);
		this.socket.sendMessage(receipt);
		assertThat(released).containsExactly(reply);
		verify(this.container, times(3)).sendMessage(receipt);
	}

	private void sendFromAnotherThread(TextMessage frame) throws Exception {
		this.receiptThread.submit(() -> {
			this.socket.sendMessage(frame);
			return null;
		}).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
	}

}
