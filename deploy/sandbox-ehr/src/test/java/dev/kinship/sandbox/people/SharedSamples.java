package dev.kinship.sandbox.people;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/fhir-samples/synthea} beside the project root, walking up from the
 * working directory (a module folder when Maven runs the tests).
 */
final class SharedSamples {

	private SharedSamples() {
	}

	static Path synthea() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/fhir-samples/synthea");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("shared/fhir-samples/synthea was not found beside the project root");
	}

}
