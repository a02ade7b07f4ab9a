package org.kinship.launch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hospital's portal origins end up in a response header: only plain origins are
 * accepted, so that a mistyped or hostile setting cannot add to Kinship's policy. An
 * installation's name ends up in identifier systems: only what fits in a URN.
 */
class LaunchPropertiesTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void acceptsOriginsWithPortsAndSubDomainWildcards() {
		assertThat(violations("https://portal.example", "http://127.0.0.1:9090", "https://*.mychart.example"))
			.isEmpty();
	}

	@Test
	void refusesAnythingButAnOrigin() {
		assertThat(violations("https://portal.example; script-src *")).hasSize(1);
		assertThat(violations("https://portal.example/path")).hasSize(1);
		assertThat(violations("'unsafe-inline'")).hasSize(1);
		assertThat(violations("*")).hasSize(1);
	}

	@Test
	void takesAnInstallationNameThatFitsInAnIdentifierSystemOnly() {
		assertThat(this.validator.validate(installation("clinic-test-2"))).isEmpty();
		assertThat(this.validator.validate(installation(null))).isEmpty();
		assertThat(this.validator.validate(installation(""))).as("none given").isEmpty();
		assertThat(this.validator.validate(installation("Clinic Test"))).hasSize(1);
		assertThat(this.validator.validate(installation("test|42"))).hasSize(1);
	}

	private static LaunchProperties installation(String name) {
		return new LaunchProperties(Map.of(), Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofHours(12), null, null, false, List.of(), Duration.ofHours(1), name);
	}

	private Set<ConstraintViolation<LaunchProperties.Issuer>> violations(String... ancestors) {
		return this.validator.validate(new LaunchProperties.Issuer("General", URI.create("https://ehr.example/fhir"),
				"kinship", "none", null, LaunchProperties.DEFAULT_SCOPES, null, "system/Patient.rs", List.of(), null,
				false, List.of(ancestors)));
	}

}
