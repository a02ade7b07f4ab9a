package org.kinship;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's ES modules joined into one module, so that a phone on a slow link fetches one
 * file instead of a dozen, each with its own round trip and headers. Each module becomes
 * a function scope that returns what it exports, in the order the browser would have run
 * them (depth first, imports in order); an import of a bundled module becomes a
 * destructuring of that scope's exports, an import of an external module (one that other
 * pages load too and that must run once per page, such as the socket) stays an import.
 * <p>
 * Kinship's scripts are its own, and the bundle knows only the forms they use: one-line
 * {@code import { a, b as c } from './x.js';} and {@code import * as x from './x.js';},
 * and {@code export} before a {@code function}, {@code async function}, {@code const} or
 * {@code class}. Anything else that imports or exports (a {@code let}, a list, a default,
 * an import over several lines, an import cycle) is refused when the bundle is made, at
 * startup and by the build's tests, rather than served half right.
 */
final class ScriptBundle {

	private static final Pattern NAMED_IMPORT = Pattern.compile("^import\\s*\\{([^}]*)\\}\\s*from\\s*'([^']+)';\\s*$");

	private static final Pattern NAMESPACE_IMPORT = Pattern
		.compile("^import\\s*\\*\\s*as\\s+([A-Za-z_$][\\w$]*)\\s+from\\s*'([^']+)';\\s*$");

	private static final Pattern EXPORT = Pattern
		.compile("^export\\s+((?:async\\s+)?function\\*?\\s+|const\\s+|class\\s+)([A-Za-z_$][\\w$]*)\\b(.*)$");

	private static final Pattern IMPORT_OR_EXPORT = Pattern.compile("^\\s*(import|export)\\b.*");

	private static final Pattern IMPORTED_NAME = Pattern
		.compile("^([A-Za-z_$][\\w$]*)(?:\\s+as\\s+([A-Za-z_$][\\w$]*))?$");

	private final Function<String, String> sources;

	private final Set<String> external;

	private final Map<String, String> emitted = new LinkedHashMap<>();

	private final Set<String> visiting = new HashSet<>();

	private final List<String> externalImports = new ArrayList<>();

	private ScriptBundle(Function<String, String> sources, Set<String> external) {
		this.sources = sources;
		this.external = external;
	}

	/**
	 * Joins a module and what it imports into one module.
	 * @param entry the page's module, relative to the scripts' root ({@code chat.js})
	 * @param external modules that stay imports, relative to the same root
	 * ({@code socket.js}); the bundle lies in the root, so its imports of them are
	 * {@code ./socket.js}
	 * @param sources the text of a module by its path relative to the root
	 * @return the bundle's text
	 * @throws IllegalStateException when a module uses a form the bundle does not know,
	 * naming the module and line
	 */
	static String of(String entry, Set<String> external, Function<String, String> sources) {
		ScriptBundle bundle = new ScriptBundle(sources, external);
		bundle.visit(entry);
		StringBuilder text = new StringBuilder("// ").append(entry)
			.append(" and the modules it imports, joined by Kinship's ScriptBundle; the sources are beside it\n");
		bundle.externalImports.forEach((line) -> text.append(line).append('\n'));
		bundle.emitted.values().forEach(text::append);
		return text.toString();
	}

	private void visit(String path) {
		if (this.emitted.containsKey(path)) {
			return;
		}
		if (!this.visiting.add(path)) {
			throw new IllegalStateException("Script bundle: an import cycle through " + path);
		}
		String source = this.sources.apply(path);
		List<String> exports = new ArrayList<>();
		StringBuilder body = new StringBuilder();
		String[] lines = source.split("\n", -1);
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1];
			if (!IMPORT_OR_EXPORT.matcher(line).matches()) {
				body.append(line).append('\n');
				continue;
			}
			body.append(rewrite(path, number, line, exports)).append('\n');
		}
		this.visiting.remove(path);
		StringBuilder module = new StringBuilder("// module: ").append(path).append('\n');
		module.append("const ").append(scope(path)).append(" = (() => {\n");
		module.append(body);
		module.append("return Object.freeze({ ").append(String.join(", ", exports)).append(" });\n})();\n");
		this.emitted.put(path, module.toString());
	}

	private String rewrite(String path, int number, String line, List<String> exports) {
		String trimmed = line.strip();
		Matcher namespace = NAMESPACE_IMPORT.matcher(trimmed);
		if (namespace.matches()) {
			return "const " + namespace.group(1) + " = " + dependency(path, number, namespace.group(2)) + ";";
		}
		Matcher named = NAMED_IMPORT.matcher(trimmed);
		if (named.matches()) {
			List<String> bindings = new ArrayList<>();
			for (String part : named.group(1).split(",")) {
				if (part.isBlank()) {
					continue;
				}
				Matcher name = IMPORTED_NAME.matcher(part.strip());
				if (!name.matches()) {
					throw refused(path, number, line);
				}
				bindings.add((name.group(2) != null) ? name.group(1) + ": " + name.group(2) : name.group(1));
			}
			return "const { " + String.join(", ", bindings) + " } = " + dependency(path, number, named.group(2)) + ";";
		}
		Matcher export = EXPORT.matcher(trimmed);
		if (export.matches() && line.startsWith("export")) {
			exports.add(export.group(2));
			return line.substring("export".length()).stripLeading();
		}
		throw refused(path, number, line);
	}

	private String dependency(String from, int number, String specifier) {
		if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
			throw refused(from, number, specifier);
		}
		String path = URI.create("root/" + from).resolve(specifier).getPath();
		if (!path.startsWith("root/")) {
			throw refused(from, number, specifier);
		}
		path = path.substring("root/".length());
		if (this.external.contains(path)) {
			String name = "__external_" + identifier(path);
			String line = "import * as " + name + " from './" + path + "';";
			if (!this.externalImports.contains(line)) {
				this.externalImports.add(line);
			}
			return name;
		}
		visit(path);
		return scope(path);
	}

	private static String scope(String path) {
		return "__module_" + identifier(path);
	}

	private static String identifier(String path) {
		return path.replaceAll("\\.js$", "").replaceAll("[^A-Za-z0-9]", "_");
	}

	private static IllegalStateException refused(String path, int number, String line) {
		return new IllegalStateException("Script bundle: " + path + " line " + number
				+ " imports or exports in a form the bundle does not know: " + line.strip());
	}

}
