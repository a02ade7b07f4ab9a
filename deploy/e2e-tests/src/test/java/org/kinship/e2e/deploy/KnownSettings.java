package org.kinship.e2e.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * What an application of this repository reads from its environment, from its own files:
 * the placeholders of its {@code application.yml} files, and the environment form
 * (Spring's relaxed binding) of its properties, of those in the README's configuration
 * reference and of Spring Boot's own (the configuration metadata on the test class path).
 * The deploy definitions are checked against it, so that a variable set there is one the
 * application reads, and a port they name is the one it listens on.
 */
final class KnownSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9.\\-\\[\\]]+)\"");

	private static final Pattern README_PROPERTY = Pattern
		.compile("`([a-z][a-z0-9.\\-\\[\\]<>]*|\\.[a-z][a-z0-9.\\-\\[\\]]*)`");

	private final Map<String, String> properties;

	private final Set<String> placeholders;

	private final List<Pattern> environmentNames;

	private KnownSettings(Map<String, String> properties, Set<String> placeholders, List<Pattern> environmentNames) {
		this.properties = properties;
		this.placeholders = placeholders;
		this.environmentNames = environmentNames;
	}

	/** Kinship itself: portal-app's configuration files and the README's reference. */
	static KnownSettings kinship() {
		Path resources = Repository.root().resolve("portal-app/src/main/resources");
		return of(List.of(resources.resolve("application.yml"), resources.resolve("application-demo.yml")),
				readmeProperties("### Kinship (`portal-app`)"));
	}

	/** The sandbox EHR: its {@code sandbox-ehr.yml} and its part of the README. */
	static KnownSettings sandbox() {
		return of(List.of(Repository.root().resolve("deploy/sandbox-ehr/src/main/resources/sandbox-ehr.yml")),
				readmeProperties("### Sandbox EHR"));
	}

	private static KnownSettings of(List<Path> files, List<String> readme) {
		Map<String, String> properties = new LinkedHashMap<>();
		Set<String> placeholders = new TreeSet<>();
		List<String> names = new ArrayList<>(readme);
		for (Path file : files) {
			String text = Repository.read(file);
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				placeholders.add(matcher.group(1));
			}
			for (Object document : new Yaml().loadAll(text)) {
				flatten("", document, properties);
			}
		}
		names.addAll(properties.keySet());
		names.addAll(springBootProperties());
		List<Pattern> patterns = names.stream().map(KnownSettings::environmentForm).toList();
		return new KnownSettings(properties, placeholders, patterns);
	}

	/** Whether the application reads this environment variable. */
	boolean reads(String variable) {
		return this.placeholders.contains(variable)
				|| this.environmentNames.stream().anyMatch((name) -> name.matcher(variable).matches());
	}

	/**
	 * The value a property has in a process started with this environment: the variable
	 * of its environment form, else its value in the configuration files with their
	 * placeholders resolved from the environment.
	 */
	@Nullable String value(String property, Map<String, String> environment) {
		String direct = environment.get(property.toUpperCase().replace("-", "").replace('.', '_'));
		if (direct != null) {
			return direct;
		}
		String configured = this.properties.get(property);
		if (configured == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(configured);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String fallback = (matcher.group(2) != null) ? matcher.group(2) : "";
			matcher.appendReplacement(resolved,
					Matcher.quoteReplacement(environment.getOrDefault(matcher.group(1), fallback)));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	/** The HTTP port of a process started with this environment. */
	int serverPort(Map<String, String> environment) {
		String port = value("server.port", environment);
		return (port != null) ? Integer.parseInt(port) : 8080;
	}

	/** The port of the Actuator endpoints: their own, or the HTTP port. */
	int managementPort(Map<String, String> environment) {
		String port = value("management.server.port", environment);
		return (port != null && !port.isEmpty()) ? Integer.parseInt(port) : serverPort(environment);
	}

	/** Whether {@code /actuator/health/liveness} and {@code /readiness} are served. */
	boolean servesProbes(Map<String, String> environment) {
		return "true".equals(value("management.endpoint.health.probes.enabled", environment))
				|| (this.properties.keySet()
					.stream()
					.anyMatch((key) -> key.startsWith("management.endpoint.health.group.liveness"))
						&& this.properties.keySet()
							.stream()
							.anyMatch((key) -> key.startsWith("management.endpoint.health.group.readiness")));
	}

	/**
	 * A property name as a pattern of the environment variables that set it: upper case,
	 * dots as underscores, a dash dropped (or, as Spring also reads, an underscore), a
	 * map key ({@code <key>}) any name, a list index ({@code [n]}) a number.
	 */
	static Pattern environmentForm(String property) {
		List<String> parts = new ArrayList<>();
		for (String segment : property.split("\\.")) {
			if (segment.startsWith("<")) {
				parts.add("[A-Z0-9]+");
				continue;
			}
			String index = segment.endsWith("]") ? "_[0-9]+" : "";
			String name = segment.replaceAll("\\[.*]$", "");
			parts.add(Pattern.quote(name.toUpperCase()).replace("-", "\\E_?\\Q") + index);
		}
		return Pattern.compile(String.join("_", parts));
	}

	private static List<String> readmeProperties(String heading) {
		String readme = Repository.read(Repository.root().resolve("README.md"));
		int start = readme.indexOf(heading);
		int end = readme.indexOf("\n#", start + heading.length());
		List<String> names = new ArrayList<>();
		for (String line : readme.substring(start, end).split("\n")) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String firstColumn = line.substring(1, line.indexOf(" |", 2));
			Matcher matcher = README_PROPERTY.matcher(firstColumn);
			String previous = null;
			while (matcher.find()) {
				String name = matcher.group(1);
				if (name.startsWith(".") && previous != null) {
					// `kinship.x.<key>.roles[n].fhir-user`, `.roles[n].right`
					String first = name.substring(1).split("\\.")[0];
					name = previous.substring(0, previous.indexOf("." + first)) + name;
				}
				names.add(name);
				previous = name;
			}
		}
		return names;
	}

	private static Set<String> springBootProperties() {
		Set<String> names = new TreeSet<>();
		try {
			for (URL url : Collections.list(
					KnownSettings.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					Matcher matcher = METADATA_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					while (matcher.find()) {
						names.add(matcher.group(1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, @Nullable Object node, Map<String, String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else if (node != null) {
			into.put(prefix, String.valueOf(node));
		}
	}

}
