package org.kinship.groups;

import org.kinship.shared.Refused;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A group's code set: SNOMED CT ids checked before saving, ICD-10-CM codes and prefixes
 * matched as a record codes them.
 */
class CodeSetTests {

	@Test
	void acceptsValidSnomedConceptIds() {
		CodeSet codes = CodeSet.parse("44054006 84757009, 88805009\n13645005; 82423001 26929004 128613002", "");

		assertThat(codes.snomed()).containsExactlyInAnyOrder("44054006", "84757009", "88805009", "13645005", "82423001",
				"26929004", "128613002");
		assertThat(codes.icd10()).isEmpty();
	}

	@Test
	void searchesForExactCodesOnlyAndKnowsItsPrefixes() {
		CodeSet codes = CodeSet.parse("88805009", "E11.9 I50.* J44");

		assertThat(codes.exactCodes()).extracting((code) -> code[0] + "|" + code[1])
			.containsExactlyInAnyOrder(CodeSet.SNOMED + "|88805009", CodeSet.ICD10 + "|E11.9", CodeSet.ICD10 + "|E119",
					CodeSet.ICD10 + "|J44");
		assertThat(codes.hasPrefixes()).isTrue();
		assertThat(CodeSet.parse("88805009", "E11.9").hasPrefixes()).isFalse();
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> CodeSet.parse("44054007", ""))
			.satisfies((refused) -> {
				assertThat(refused.messageKey()).isEqualTo("groups.error.codes");
				assertThat(refused.arguments()).containsExactly("44054007");
			});
	}

	@Test
	void refusesTooShortSnomedIds() {
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> CodeSet.parse("12345", ""))
			.satisfies((refused) -> assertThat(refused.arguments()).containsExactly("12345"));
	}

	@Test
	void refusalNamesEveryBadCode() {
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> CodeSet.parse("44054006 44054007 12345", "E11.* E11.ZZZZZ9 11E"))
			.satisfies(
					(refused) -> assertThat(refused.arguments()).containsExactly("44054007, 12345, E11.ZZZZZ9, 11E"));
	}

	@Test
	void icd10PrefixMatchesTheCategoryAndEveryCodeUnderIt() {
		CodeSet codes = CodeSet.parse("", "E11.*");

		assertThat(codes.matches(CodeSet.ICD10, "E11")).isTrue();
		assertThat(codes.matches(CodeSet.ICD10, "E11.9")).isTrue();
		assertThat(codes.matches(CodeSet.ICD10, "E11.65")).isTrue();
		assertThat(codes.matches(CodeSet.ICD10, "E10.9")).isFalse();
	}

	@Test
	void icd10PrefixWithDecimalsMatchesLongerCodes() {
		CodeSet codes = CodeSet.parse("", "G89.2*");

		assertThat(codes.matches(CodeSet.ICD10, "G89.29")).isTrue();
		assertThat(codes.matches(CodeSet.ICD10, "G89.4")).isFalse();
	}

	@Test
	void exactIcd10CodeMatchesOnlyItself() {
		CodeSet codes = CodeSet.parse("", "I50.9");

		assertThat(codes.matches(CodeSet.ICD10, "I50.9")).isTrue();
		assertThat(codes.matches(CodeSet.ICD10, "I50.1")).isFalse();
	}

	@Test
	void codingsFromOtherSystemsNeverMatch() {
		CodeSet codes = CodeSet.parse("44054006", "E11.*");

		assertThat(codes.matches(CodeSet.SNOMED, "44054006")).isTrue();
		assertThat(codes.matches("http://hl7.org/fhir/sid/icd-10", "E11.9")).isFalse();
		assertThat(codes.matches("http://loinc.org", "44054006")).isFalse();
		assertThat(codes.matches(CodeSet.ICD10, "44054006")).isFalse();
		assertThat(codes.matches(CodeSet.SNOMED, "E11.9")).isFalse();
	}

}
