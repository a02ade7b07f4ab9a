package org.kinship.launch.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.util.StringUtils;

/**
 * The shared session's cookie, written through the servlet container as its own session
 * cookie is ({@link FrameAwareCookies} then sets {@code SameSite}, {@code Secure} and
 * {@code Partitioned} by where the page is shown), under the same name, path and
 * {@code HttpOnly}. Its value is the bare session id.
 */
final class ContainerSessionCookies implements CookieSerializer {

	private final String name;

	ContainerSessionCookies(String name) {
		this.name = name;
	}

	@Override
	public void writeCookieValue(CookieValue value) {
		Cookie cookie = new Cookie(this.name, value.getCookieValue());
		cookie.setHttpOnly(true);
		String path = value.getRequest().getContextPath();
		cookie.setPath(StringUtils.hasLength(path) ? path : "/");
		cookie.setMaxAge(value.getCookieValue().isEmpty() ? 0 : value.getCookieMaxAge());
		value.getResponse().addCookie(cookie);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return List.of();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> this.name.equals(cookie.getName()) && !cookie.getValue().isEmpty())
			.map(Cookie::getValue)
			.toList();
	}

}
