package org.kinship.launch.internal;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The {@code Content-Security-Policy} of every response: scripts, styles, images and
 * connections from Kinship itself only (the socket included), no plugins, no
 * {@code <base>}, forms sent to Kinship or to a registered EHR's sign-in, and violations
 * reported to {@value #REPORTS}.
 * <p>
 * Who may frame Kinship: a launched session's own hospital's portal origins
 * ({@code frame-ancestors} of its issuer). Before a launch the response cannot know which
 * hospital's portal is about to show it, so the first pages of a launch allow the union
 * of every registered hospital's portal origins. Where no origin may frame the page it
 * says {@code frame-ancestors 'none'}, and {@code X-Frame-Options: DENY} for browsers
 * that know only that.
 */
final class BrowserPolicy implements HeaderWriter {

	/** Where browsers report violations. */
	static final String REPORTS = "/csp-reports";

	private static final String POLICY = "Content-Security-Policy";

	private final IssuerRegistry issuers;

	private final SmartDiscovery discovery;

	BrowserPolicy(IssuerRegistry issuers, SmartDiscovery discovery) {
		this.issuers = issuers;
		this.discovery = discovery;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(POLICY)) {
			return;
		}
		Collection<String> ancestors = frameAncestors();
		response.setHeader(POLICY, policy(request, ancestors));
		if (ancestors.isEmpty()) {
			response.setHeader("X-Frame-Options", "DENY");
		}
	}

	String policy(HttpServletRequest request, Collection<String> ancestors) {
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
				"connect-src 'self' " + socketOrigin(request), "object-src 'none'", "base-uri 'none'",
				"form-action " + sources("'self'", formTargets()),
				"frame-ancestors " + (ancestors.isEmpty() ? "'none'" : String.join(" ", ancestors)),
				"report-uri " + REPORTS);
	}

	/**
	 * The portal origins that may frame this response: the session's hospital's, or every
	 * hospital's before a launch.
	 * @return the origins, empty when none may
	 */
	Collection<String> frameAncestors() {
		return CurrentPrincipal.get()
			.map((principal) -> this.issuers.findByKey(principal.issuerKey())
				.map((issuer) -> (Collection<String>) issuer.settings().frameAncestors())
				.orElse(List.of()))
			.orElseGet(() -> this.issuers.all()
				.stream()
				.flatMap((issuer) -> issuer.settings().frameAncestors().stream())
				.collect(Collectors.toCollection(TreeSet::new)));
	}

	/**
	 * Where a form may lead: a form whose answer redirects to an EHR's sign-in (a launch
	 * that must start again) is checked against this list too. The EHRs' own origins, and
	 * the authorization endpoints discovered so far, which may be on another host.
	 */
	private Set<String> formTargets() {
		Set<String> targets = new TreeSet<>();
		for (RegisteredIssuer issuer : this.issuers.all()) {
			addOrigin(targets, issuer.fhirBaseUrl());
		}
		this.discovery.knownAuthorizationEndpoints().values().forEach((endpoint) -> addOrigin(targets, endpoint));
		return targets;
	}

	private static void addOrigin(Set<String> origins, String url) {
		String origin = origin(url);
		if (origin != null) {
			origins.add(origin);
		}
	}

	static @Nullable String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost()
					+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The page's own socket, named since not every browser lets {@code 'self'} cover
	 * {@code ws:} and {@code wss:}. Behind a TLS-terminating proxy the request says
	 * {@code https} only with {@code server.forward-headers-strategy} set.
	 */
	private static String socketOrigin(HttpServletRequest request) {
		boolean secure = request.isSecure();
		int port = request.getServerPort();
		boolean defaultPort = port == -1 || (secure && port == 443) || (!secure && port == 80);
		return (secure ? "wss://" : "ws://") + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	private static String sources(String first, Collection<String> more) {
		return more.isEmpty() ? first : first + " " + String.join(" ", more);
	}

}
