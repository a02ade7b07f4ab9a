package org.kinship.e2e.deploy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.ROOT;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.child;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.configuration;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.imageConfig;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.imageContainer;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.plugin;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.pom;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.ports;
import static org.kinship.e2e.deploy.ImageDefinitionsTests.text;

/**
 * The image tars as Jib built them: run only by {@code -Pimage}, which builds them in the
 * package phase of both modules (the normal build has no tars to read, and leaves this
 * class out rather than skipping it).
 */
class ImageTarsTests {

	/** The user, entrypoint and ports the POMs give, in each tar's configuration. */
	@Test
	void builtImagesCarryTheUserEntrypointAndPorts() throws IOException {
		Element container = child(configuration(plugin(child(child(ROOT, "build"), "pluginManagement"))), "container");
		for (String module : List.of("portal-app", "deploy/sandbox-ehr")) {
			Map<String, Object> config = imageConfig(Repository.file(module + "/target/jib-image.tar"));
			assertThat(Nodes.string(config, "config", "User")).isEqualTo(text(container, "user"));
			List<Object> entrypoint = Nodes.list(config, "config", "Entrypoint");
			assertThat(entrypoint).startsWith("java", "-XX:MaxRAMPercentage=75")
				.endsWith(text(imageContainer(pom(module + "/pom.xml")), "mainClass"));
			assertThat(Nodes.map(config, "config", "ExposedPorts").keySet()).containsExactlyInAnyOrderElementsOf(
					ports(module + "/pom.xml").stream().map((port) -> port + "/tcp").toList());
			assertThat(Nodes.list(config, "history")).hasSizeGreaterThanOrEqualTo(4);
		}
	}

}
