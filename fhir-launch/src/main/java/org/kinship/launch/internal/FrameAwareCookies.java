package org.kinship.launch.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.Rfc6265CookieProcessor;

/**
 * Kinship's cookies (the session's) as the page that receives them needs them. At the top
 * of the browser's window a cookie is {@code SameSite=Lax}. Inside a frame on another
 * site, a hospital portal showing Kinship, a {@code Lax} cookie is neither stored nor
 * sent, so there it is {@code SameSite=None; Secure; Partitioned}: sent to Kinship only
 * inside that portal's pages, and kept apart from Kinship's cookies under any other site.
 * A response knows it is going into a frame from the browser's {@code Sec-Fetch-Dest} on
 * the navigation that sets the cookie, and only when some hospital's portal may frame
 * Kinship at all.
 * <p>
 * A cookie is {@code Secure} always, except over plain http to this machine in
 * development (browsers treat {@code http://localhost} as secure, and HTTP clients in
 * tests do not send {@code Secure} cookies over http).
 */
final class FrameAwareCookies extends Rfc6265CookieProcessor {

	private final boolean framingAllowed;

	/**
	 * A processor for Kinship's cookies.
	 * @param framingAllowed whether any registered hospital's portal may frame Kinship
	 */
	FrameAwareCookies(boolean framingAllowed) {
		this.framingAllowed = framingAllowed;
	}

	@Override
	public String generateHeader(Cookie cookie, HttpServletRequest request) {
		Cookie sent = (Cookie) cookie.clone();
		if (this.framingAllowed && inFrame(request)) {
			sent.setSecure(true);
			sent.setAttribute("SameSite", "None");
			sent.setAttribute("Partitioned", "");
		}
		else {
			sent.setAttribute("SameSite", "Lax");
			sent.setSecure(request.isSecure() || !loopback(request.getServerName()));
		}
		return super.generateHeader(sent, request);
	}

	static boolean inFrame(HttpServletRequest request) {
		String destination = request.getHeader("Sec-Fetch-Dest");
		return "iframe".equalsIgnoreCase(destination) || "frame".equalsIgnoreCase(destination);
	}

	static boolean loopback(String host) {
		return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host)
				|| "[::1]".equals(host);
	}

}
