package org.kinship.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's people by name, from its {@code GET /personas}: Synthea patients get ids
 * from their bundles, so tests find them by the name they know.
 */
final class SandboxPersonas {

	private static final Pattern PERSONA = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"displayName\":\"([^\"]+)\"");

	private SandboxPersonas() {
	}

	static String idOf(RunningKinship system, String name) throws Exception {
		String personas = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(system.sandboxUrl() + "/personas")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Map<String, String> byName = new HashMap<>();
		Matcher matcher = PERSONA.matcher(personas);
		while (matcher.find()) {
			byName.put(matcher.group(2), matcher.group(1));
		}
		assertThat(byName).as("the sandbox's people").containsKey(name);
		return byName.get(name);
	}

}
