package org.kinship.shared;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The language of the page that opened a WebSocket, kept in the socket's session
 * attributes at the handshake so that every refusal over the socket is said in the
 * member's language.
 */
public final class SocketLocale {

	/** The WebSocket session attribute that holds the page's locale. */
	public static final String ATTRIBUTE = "kinship.locale";

	private SocketLocale() {
	}

	/**
	 * The language of the page that opened a socket.
	 * @param sessionAttributes the WebSocket session's attributes, if any
	 * @return the page's locale, or English
	 */
	public static Locale of(@Nullable Map<String, Object> sessionAttributes) {
		Object locale = (sessionAttributes != null) ? sessionAttributes.get(ATTRIBUTE) : null;
		return (locale instanceof Locale chosen) ? chosen : Locale.ENGLISH;
	}

}
