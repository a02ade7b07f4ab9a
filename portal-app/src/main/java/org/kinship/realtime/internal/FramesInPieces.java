package org.kinship.realtime.internal;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Takes every incoming WebSocket message in pieces of the container's read buffer and
 * hands them to Spring's STOMP decoder, which joins them into frames and refuses a frame
 * over {@code kinship.realtime.max-frame-bytes} with an ERROR frame. Spring expects whole
 * messages otherwise, and grows each socket's read buffer to 16,640 characters for them
 * (stomp.js splits large frames at 16 KB); Tomcat then closes the socket (1009) on a
 * longer message without a word. Sending is unchanged.
 */
final class FramesInPieces extends WebSocketHandlerDecorator {

	FramesInPieces(WebSocketHandler delegate) {
		super(delegate);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		super.afterConnectionEstablished(new WebSocketSessionDecorator(session) {

			@Override
			public void setTextMessageSizeLimit(int characters) {
				// the container's piece size stays: frames are joined by the decoder
			}

			@Override
			public void setBinaryMessageSizeLimit(int bytes) {
				// as above
			}

		});
	}

}
