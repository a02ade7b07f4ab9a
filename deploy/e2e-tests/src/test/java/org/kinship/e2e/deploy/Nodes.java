package org.kinship.e2e.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** Walking parsed YAML: maps by key, with the path in the message when one is missing. */
final class Nodes {

	private Nodes() {
	}

	static @Nullable Object at(@Nullable Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object node, String... path) {
		Object found = at(node, path);
		if (!(found instanceof Map<?, ?>)) {
			throw new AssertionError("no map at " + String.join(".", path));
		}
		return (Map<String, Object>) found;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(@Nullable Object node, String... path) {
		Object found = at(node, path);
		if (!(found instanceof List<?>)) {
			throw new AssertionError("no list at " + String.join(".", path));
		}
		return (List<Object>) found;
	}

	static String string(@Nullable Object node, String... path) {
		Object found = at(node, path);
		if (found == null) {
			throw new AssertionError("nothing at " + String.join(".", path));
		}
		return String.valueOf(found);
	}

	/** A map of names to values as strings (an environment, a ConfigMap's data). */
	static Map<String, String> strings(@Nullable Object node, String... path) {
		Map<String, String> strings = new TreeMap<>();
		Object found = at(node, path);
		if (found instanceof Map<?, ?> map) {
			map.forEach((key, value) -> strings.put(String.valueOf(key), (value != null) ? String.valueOf(value) : ""));
		}
		return strings;
	}

}
