package org.kinship.launch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The violations of Kinship's {@code Content-Security-Policy} that browsers have
 * reported, counted by the directive violated and the origin of what was blocked. Nothing
 * else of a report is kept or logged: not the page, not the sample of blocked code, which
 * could hold what a member typed. Anyone may report, so what is kept is bounded.
 */
@Component
public class BrowserPolicyViolations {

	private static final Logger log = LoggerFactory.getLogger(BrowserPolicyViolations.class);

	/** Distinct directive and origin pairs kept; the rest are counted together. */
	static final int MAX_KINDS = 100;

	private static final Pattern DIRECTIVE = Pattern.compile("[a-z\\-]{1,40}");

	private static final Pattern KEYWORD = Pattern.compile("[a-z\\-]{1,20}");

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final LongAdder total = new LongAdder();

	/**
	 * Counts one reported violation, and logs the first of each kind.
	 * @param directive the directive violated, as the browser named it
	 * @param blocked what was blocked: a URL, or a keyword such as {@code inline}
	 */
	public void record(@Nullable String directive, @Nullable String blocked) {
		String kind = kind(directive, blocked);
		if (!this.counts.containsKey(kind) && this.counts.size() >= MAX_KINDS) {
			kind = "other";
		}
		LongAdder count = this.counts.computeIfAbsent(kind, (key) -> {
			log.warn("A browser reported a Content-Security-Policy violation: {}", key);
			return new LongAdder();
		});
		count.increment();
		this.total.increment();
	}

	/**
	 * How many violations have been reported since start.
	 * @return the count
	 */
	public long count() {
		return this.total.sum();
	}

	/**
	 * The violations reported, by kind ({@code directive blocked-origin}).
	 * @return the counts, sorted by kind
	 */
	public Map<String, Long> byKind() {
		Map<String, Long> copy = new TreeMap<>();
		this.counts.forEach((kind, count) -> copy.put(kind, count.sum()));
		return copy;
	}

	private static String kind(@Nullable String directive, @Nullable String blocked) {
		String what = (directive != null && DIRECTIVE.matcher(directive).matches()) ? directive : "unknown";
		return what + " " + origin(blocked);
	}

	private static String origin(@Nullable String blocked) {
		if (blocked == null || blocked.isEmpty()) {
			return "none";
		}
		if (KEYWORD.matcher(blocked).matches()) {
			return blocked;
		}
		try {
			java.net.URI uri = java.net.URI.create(blocked);
			String scheme = uri.getScheme();
			if (scheme != null && uri.getHost() != null && KEYWORD.matcher(scheme).matches()) {
				return scheme + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
			}
			return (scheme != null && KEYWORD.matcher(scheme).matches()) ? scheme + ":" : "other";
		}
		catch (IllegalArgumentException ex) {
			return "other";
		}
	}

}
