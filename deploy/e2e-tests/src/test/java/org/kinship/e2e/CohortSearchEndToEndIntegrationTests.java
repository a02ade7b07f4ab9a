package org.kinship.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.groups.CohortCount.How;
import org.kinship.groups.internal.CohortPreview;
import org.kinship.groups.internal.CohortPreview.Resolution;
import org.kinship.groups.internal.KnownPatients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record-defined cohorts on the sandbox, whose Synthea patients and demo people all
 * launched Kinship once: found with searches by code across patients, they are exactly
 * the cohorts found by reading each member's record, for SNOMED CT codes, exact ICD-10-CM
 * codes, an ICD-10-CM prefix (searched for its exact codes, read for the prefix) and a
 * medication criterion.
 */
class CohortSearchEndToEndIntegrationTests {

	private static final List<String> SYNTHEA = List.of("Adalberto Hartmann", "Alfreda Wyman", "Derek Becker",
			"Dino Barton", "Evelyn McCullough", "Jacki Feil", "Kirsten Witting", "Louis Maggio", "Mafalda Turcotte",
			"Merlin Howell", "Michele Wolf", "Oralia Stark", "Robby Becker", "Tommy Friesen");

	private static boolean launched;

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void everyoneLaunchedOnce() throws Exception {
		if (launched) {
			return;
		}
		List<String> personas = new ArrayList<>(List.of("linda-okafor", "robert-nguyen", "maria-santos"));
		for (String name : SYNTHEA) {
			personas.add(SandboxPersonas.idOf(this.system, name));
		}
		for (String persona : personas) {
			LaunchedPerson.launch(this.system, persona);
		}
		launched = true;
	}

	@Test
	void theHeartFailureCohortBySearchIsTheCohortByReads() throws Exception {
		Set<String> found = sameBothWays(CodeSet.parse("88805009", ""), Set.of(), How.SEARCH);
		assertThat(found)
			.contains("Patient/linda-okafor", "Patient/robert-nguyen",
					"Patient/" + SandboxPersonas.idOf(this.system, "Michele Wolf"),
					"Patient/" + SandboxPersonas.idOf(this.system, "Dino Barton"),
					"Patient/" + SandboxPersonas.idOf(this.system, "Tommy Friesen"))
			.doesNotContain("Patient/maria-santos");
	}

	@Test
	void severalCodesAndAMedicationBySearchAreTheCohortsByReads() {
		assertThat(sameBothWays(CodeSet.parse("15777000 38341003", ""), Set.of(), How.SEARCH)).hasSizeGreaterThan(5);
		assertThat(sameBothWays(CodeSet.parse("38341003", ""), Set.of("316049"), How.SEARCH)).isNotEmpty();
		assertThat(sameBothWays(CodeSet.parse("", "E11.9 I50.9"), Set.of(), How.SEARCH)).isNotEmpty();
	}

	@Test
	void anIcd10PrefixIsSearchedForItsExactCodesAndReadForThePrefix() {
		assertThat(sameBothWays(CodeSet.parse("", "I50.* J44.9"), Set.of(), How.SEARCH_AND_READS)).isNotEmpty();
	}

	/**
	 * Resolves a cohort both ways and checks they agree.
	 * @return the members found
	 */
	private Set<String> sameBothWays(CodeSet codes, Set<String> rxnorm, How expected) {
		CohortPreview preview = this.system.kinshipBean(CohortPreview.class);
		Resolution bySearch = preview.resolve("sandbox", codes, rxnorm, Audience.EVERYONE, 100_000,
				Duration.ofMinutes(2));
		Resolution byReads = preview.resolveByReads("sandbox", codes, rxnorm, Audience.EVERYONE, 100_000,
				Duration.ofMinutes(2));
		assertThat(bySearch.how()).isEqualTo(expected);
		assertThat(byReads.how()).isEqualTo(How.READS);
		assertThat(byReads.memberReads()).as("every known member read").isGreaterThanOrEqualTo(17);
		Set<String> searched = members(bySearch);
		assertThat(searched).as(codes + " " + rxnorm).isEqualTo(members(byReads));
		if (expected == How.SEARCH) {
			assertThat(bySearch.memberReads()).isZero();
		}
		return searched;
	}

	private static Set<String> members(Resolution resolution) {
		return resolution.members().stream().map(KnownPatients.Known::fhirUser).collect(Collectors.toSet());
	}

}
