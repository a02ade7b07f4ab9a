package org.kinship.realtime.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * Every open socket of this node, by id, ready for more than one thread to send on
 * ({@link GroupDelivery} sends group messages on them beside Spring's own sending).
 * Closes every socket of a launch session when that session ends: sign-out, idle or
 * absolute timeout, or a relaunch.
 */
@Component
class SessionSockets implements ApplicationListener<HttpSessionDestroyedEvent> {

	/** Close code for a socket whose launch session ended. */
	static final CloseStatus SESSION_ENDED = new CloseStatus(4001, "Session ended");

	/** Bytes a socket may have waiting to be sent before it is closed as too slow. */
	static final int SEND_BUFFER_BYTES = 512 * 1024;

	/** How long one send to a socket may take before it is closed as too slow. */
	static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	private final Map<String, Set<WebSocketSession>> byHttpSession = new ConcurrentHashMap<>();

	private final Map<String, SendsBeforeClose> byId = new ConcurrentHashMap<>();

	WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				SendsBeforeClose socket = new SendsBeforeClose(session, SEND_TIME_LIMIT_MILLIS, SEND_BUFFER_BYTES);
				SessionSockets.this.byId.put(session.getId(), socket);
				httpSession(session).ifPresent((id) -> SessionSockets.this.byHttpSession
					.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet())
					.add(socket));
				super.afterConnectionEstablished(socket);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				WebSocketSession socket = SessionSockets.this.byId.remove(session.getId());
				httpSession(session).filter((id) -> socket != null)
					.ifPresent((id) -> SessionSockets.this.byHttpSession.computeIfPresent(id, (key, sockets) -> {
						sockets.remove(socket);
						return sockets.isEmpty() ? null : sockets;
					}));
				super.afterConnectionClosed(session, status);
			}

		};
	}

	@Override
	public void onApplicationEvent(HttpSessionDestroyedEvent event) {
		Set<WebSocketSession> sockets = this.byHttpSession.remove(event.getId());
		if (sockets != null) {
			for (WebSocketSession socket : sockets) {
				try {
					socket.close(SESSION_ENDED);
				}
				catch (IOException ex) {
					// already gone
				}
			}
		}
	}

	/**
	 * Closes the open sockets of one person, wherever they launched from on this node.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @param status how the sockets are closed
	 */
	void closeOf(String issuer, String fhirUser, CloseStatus status) {
		this.byHttpSession.values()
			.stream()
			.flatMap(Set::stream)
			.filter((socket) -> org.kinship.launch.CurrentPrincipal.from(socket.getPrincipal())
				.filter((principal) -> principal.issuer().equals(issuer) && principal.fhirUser().equals(fhirUser))
				.isPresent())
			.toList()
			.forEach((socket) -> {
				try {
					socket.close(status);
				}
				catch (IOException ex) {
					// already gone
				}
			});
	}

	/**
	 * An open socket.
	 * @param id the socket's id (its STOMP session id)
	 * @return the socket, or {@code null} once it is closed
	 */
	@Nullable SendsBeforeClose socket(String id) {
		return this.byId.get(id);
	}

	/**
	 * Open sockets, for the {@code kinship.sockets.open} gauge.
	 * @return how many sockets of this node are open
	 */
	int count() {
		return this.byId.size();
	}

	int open() {
		return this.byHttpSession.values().stream().mapToInt(Set::size).sum();
	}

	private static java.util.Optional<String> httpSession(WebSocketSession session) {
		return java.util.Optional.ofNullable(
				(String) session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME));
	}

}
