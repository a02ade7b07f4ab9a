package org.kinship.launch.internal;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie as each response sets it: usable in a hospital portal's frame on
 * another site, {@code Lax} at the top of the window, {@code Secure} outside this
 * machine.
 */
class FrameAwareCookiesTests {

	private final FrameAwareCookies cookies = new FrameAwareCookies(true);

	@Test
	void insideAPortalsFrameTheCookieIsSameSiteNoneSecureAndPartitioned() {
		MockHttpServletRequest request = request("localhost", false);
		request.addHeader("Sec-Fetch-Dest", "iframe");
		assertThat(this.cookies.generateHeader(session(), request)).contains("; Secure")
			.contains("; SameSite=None")
			.contains("; Partitioned")
			.contains("; HttpOnly");
	}

	@Test
	void atTheTopOfTheWindowTheCookieIsLax() {
		MockHttpServletRequest request = request("kinship.example", true);
		request.addHeader("Sec-Fetch-Dest", "document");
		assertThat(this.cookies.generateHeader(session(), request)).contains("; SameSite=Lax")
			.contains("; Secure")
			.doesNotContain("Partitioned");
	}

	@Test
	void theCookieIsSecureOutsideThisMachineEvenWhenTheProxyIsNotBelieved() {
		assertThat(this.cookies.generateHeader(session(), request("kinship.example", false))).contains("; Secure");
	}

	@Test
	void overPlainHttpToThisMachineTheCookieIsNotSecure() {
		assertThat(this.cookies.generateHeader(session(), request("localhost", false))).doesNotContain("Secure")
			.contains("; SameSite=Lax");
		assertThat(this.cookies.generateHeader(session(), request("127.0.0.1", false))).doesNotContain("Secure");
	}

	@Test
	void whereNoPortalMayFrameKinshipACookieIsNeverSameSiteNone() {
		MockHttpServletRequest request = request("kinship.example", true);
		request.addHeader("Sec-Fetch-Dest", "iframe");
		assertThat(new FrameAwareCookies(false).generateHeader(session(), request)).contains("; SameSite=Lax")
			.doesNotContain("Partitioned");
	}

	private static Cookie session() {
		Cookie cookie = new Cookie("KINSHIP_SESSION", "abc");
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		return cookie;
	}

	private static MockHttpServletRequest request(String host, boolean secure) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setServerName(host);
		request.setSecure(secure);
		request.setScheme(secure ? "https" : "http");
		return request;
	}

}
