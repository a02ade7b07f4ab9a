package org.kinship;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

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

}
