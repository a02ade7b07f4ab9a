package org.kinship.notifications.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A digest's counts as stored with its e-mail: {@code group:messages} pairs, nothing
 * else.
 */
final class DigestSummary {

	private DigestSummary() {
	}

	static String format(Map<Long, Integer> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue())
			.collect(Collectors.joining(","));
	}

	static Map<Long, Integer> parse(String summary) {
		Map<Long, Integer> counts = new TreeMap<>();
		for (String pair : summary.split(",")) {
			int colon = pair.indexOf(':');
			if (colon > 0) {
				counts.put(Long.parseLong(pair.substring(0, colon)), Integer.parseInt(pair.substring(colon + 1)));
			}
		}
		return counts;
	}

}
