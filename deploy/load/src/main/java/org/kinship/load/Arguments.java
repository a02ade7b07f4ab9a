package org.kinship.load;

import java.util.List;

/**
 * A benchmark's command line: {@code --name value} pairs.
 *
 * @param args the command line
 */
record Arguments(String[] args) {

	String value(String name, String fallback) {
		List<String> all = List.of(this.args);
		int at = all.indexOf(name);
		return (at >= 0 && at + 1 < all.size()) ? all.get(at + 1) : fallback;
	}

	int number(String name, int fallback) {
		return Integer.parseInt(value(name, Integer.toString(fallback)));
	}

}
