package org.kinship;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KinshipApplication.class);

	@Test
	void modulesOfEveryMavenModuleRespectTheirDeclaredBoundaries() {
		this.modules.verify();
	}

	@Test
	void seesTheModulesOfTheLaunchAndModerationJars() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).contains("launch",
				"moderation", "home");
	}

	/**
	 * The module graph of portal-app/README.md comes from here: a C4 component diagram of
	 * all modules, one diagram and one canvas per module, in
	 * {@code target/spring-modulith-docs}.
	 */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
		Path components = Path.of("target/spring-modulith-docs/components.puml");
		assertThat(components).exists();
		assertThat(this.modules.stream()).allSatisfy((module) -> assertThat(
				Path.of("target/spring-modulith-docs", "module-" + module.getIdentifier() + ".adoc"))
			.exists());
	}

}
