package dev.kinship.sandbox.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.Rfc6265CookieProcessor;

/**
 * The portal's session cookie where the portal page frames an app: the launch and the
 * authorize step then run inside a frame of another site, where a {@code Lax} cookie is
 * neither stored nor sent. A navigation in a frame ({@code Sec-Fetch-Dest: iframe}) gets
 * {@code SameSite=None; Secure; Partitioned} (browsers take {@code Secure} cookies from
 * {@code http://localhost}); any other response {@code SameSite=Lax}, as before, so that
 * scripts over plain http keep their cookie.
 */
final class FramedCookies extends Rfc6265CookieProcessor {

	@Override
	public String generateHeader(Cookie cookie, HttpServletRequest request) {
		Cookie sent = (Cookie) cookie.clone();
		String destination = request.getHeader("Sec-Fetch-Dest");
		if ("iframe".equalsIgnoreCase(destination) || "frame".equalsIgnoreCase(destination)) {
			sent.setSecure(true);
			sent.setAttribute("SameSite", "None");
			sent.setAttribute("Partitioned", "");
		}
		else {
			sent.setAttribute("SameSite", "Lax");
		}
		return super.generateHeader(sent, request);
	}

}
