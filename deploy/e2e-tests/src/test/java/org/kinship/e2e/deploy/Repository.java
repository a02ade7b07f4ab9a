package org.kinship.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The files of this repository, found from wherever the tests run. */
final class Repository {

	private Repository() {
	}

	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null
				&& !(Files.isDirectory(dir.resolve("portal-app")) && Files.isDirectory(dir.resolve("deploy")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("not inside the Kinship repository");
		}
		return dir;
	}

	static Path file(String relative) {
		return root().resolve(relative);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every YAML document of a file, as maps. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yaml(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(read(file))) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

}
