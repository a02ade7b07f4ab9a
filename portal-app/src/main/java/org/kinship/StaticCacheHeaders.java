package org.kinship;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps a static file: a year, and never asks again, when its path
 * carries a version (which changes with the file, see {@link StaticAssets}); else it asks
 * each time whether the file changed ({@code no-cache}, answered 304 when not). Set
 * before the request goes on, so that Spring Security's {@code no-store} default leaves
 * it.
 */
class StaticCacheHeaders extends OncePerRequestFilter {

	static final String FOREVER = "public, max-age=31536000, immutable";

	private static final Pattern CONTENT_HASH = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");

	private static final Pattern STATIC = Pattern
		.compile("^/(css|js|icons|brands|webjars)/.*|^/manifest\\.webmanifest$|^/favicon\\.ico$");

	private final String scriptsPrefix;

	StaticCacheHeaders(String scriptsVersion) {
		this.scriptsPrefix = "/" + scriptsVersion + "/js/";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(this.scriptsPrefix)
				|| (STATIC.matcher(path).matches() && CONTENT_HASH.matcher(path).matches())) {
			response.setHeader("Cache-Control", FOREVER);
		}
		else if (STATIC.matcher(path).matches()) {
			response.setHeader("Cache-Control", "no-cache");
		}
		chain.doFilter(request, response);
	}

}
