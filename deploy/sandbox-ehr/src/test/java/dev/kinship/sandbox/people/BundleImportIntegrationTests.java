package dev.kinship.sandbox.people;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kinship.sandbox.fhir.ResourceStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All fourteen synthetic patients of {@code ../shared/fhir-samples/synthea} load, beside
 * a malformed bundle that is skipped, and each becomes a persona with the active
 * conditions of their record.
 */
@SpringBootTest(properties = "spring.config.name=sandbox-ehr")
class BundleImportIntegrationTests {

	static final Path MALFORMED = malformedFolder();

	@Autowired
	ResourceStore store;

	@Autowired
	PersonaDirectory personas;

	@DynamicPropertySource
	static void importPaths(DynamicPropertyRegistry registry) {
		registry.add("sandbox.import-paths", () -> MALFORMED + "," + SharedSamples.synthea());
	}

	@Test
	void importsEveryPatientBesideTheDemoPeople() {
		// the demo patients, the patient with a long record, and the fourteen imported
		assertThat(this.store.count("Patient")).isEqualTo(DemoCatalogue.PATIENTS.size() + 1 + 14);
		assertThat(this.store.count("Condition")).isGreaterThan(100);
	}

	@Test
	void makesImportedPatientsLaunchableWithTheirActiveConditions() {
		Map<String, Persona> byName = this.personas.all()
			.stream()
			.collect(Collectors.toMap(Persona::displayName, (persona) -> persona, (a, b) -> a));
		assertThat(byName.get("Michele Wolf").conditions()).contains("Chronic congestive heart failure (disorder)");
		assertThat(byName.get("Jacki Feil").conditions()).contains("Chronic pain", "Prediabetes")
			.doesNotContain("Chronic congestive heart failure (disorder)");
		assertThat(byName.get("Michele Wolf").patientId()).isEqualTo(byName.get("Michele Wolf").id());
	}

	@Test
	void givesImportedPatientsValidFhirIdsSoThatFhirUserReferencesResolve() {
		assertThat(this.personas.all()).allSatisfy((persona) -> assertThat(persona.fhirUser())
			.matches("(Patient|RelatedPerson|Practitioner)/[A-Za-z0-9\\-.]{1,64}"));
	}

	@Test
	void rewritesTransactionReferencesToStoredResources() {
		var condition = (org.hl7.fhir.r4.model.Condition) this.store.all("Condition")
			.stream()
			.filter((resource) -> ((org.hl7.fhir.r4.model.Condition) resource).getSubject()
				.getReference()
				.startsWith("Patient/"))
			.filter((resource) -> !resource.getIdElement().getIdPart().contains("-t2d"))
			.findFirst()
			.orElseThrow();
		String patient = condition.getSubject().getReference().substring("Patient/".length());
		assertThat(this.store.get("Patient", patient)).isPresent();
	}

	private static Path malformedFolder() {
		try {
			Path folder = Files.createTempDirectory("kinship-bad-bundles");
			Files.writeString(folder.resolve("broken.json"), "{\"resourceType\": \"Bundle\", \"entry\": [");
			return folder;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
