package org.kinship.groups;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kinship.groups.CodeCatalog.CodeSystem;
import org.kinship.groups.CodeCatalog.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CodeCatalogTests {

	private final CodeCatalog catalog = new CodeCatalog();

	@Test
	void findsConditionsByTheStartsOfWordsInAnyOrder() {
		assertThat(codes(this.catalog.search("fail heart", List.of(), 20))).contains("84114007", "88805009", "I50.*")
			.doesNotContain("44054006");
	}

	@Test
	void findsSpanishNamesWithoutTheirAccents() {
		List<Entry> found = this.catalog.search("insuficiencia cardiaca", List.of(CodeSystem.SNOMED), 20);

		assertThat(codes(found)).contains("84114007");
		assertThat(found.get(0).name(Locale.forLanguageTag("es"))).startsWith("Insuficiencia card\u00edaca");
	}

	@Test
	void keepsToTheSystemsAFormHasFieldsFor() {
		assertThat(this.catalog.search("metformin", List.of(CodeSystem.SNOMED, CodeSystem.ICD10), 20)).isEmpty();
		assertThat(this.catalog.search("metformin", List.of(CodeSystem.RXNORM), 20))
			.containsExactly(new Entry(CodeSystem.RXNORM, "6809", "metformin", "metformina"));
	}

	@Test
	void knowsAMedicineTheRecordNamesByItsBrandByItsGeneric() {
		assertThat(codes(this.catalog.ingredients(List.of(), "Lasix 40 MG Oral Tablet")))
			.containsExactly(code("furosemide"));
		assertThat(codes(this.catalog.ingredients(List.of(), "Ventolin HFA 90 MCG/ACTUAT Metered Dose Inhaler")))
			.containsExactly(code("albuterol (salbutamol)"));
		assertThat(this.catalog.ingredients(List.of(), "Vitamin D3 1000 UNT Oral Capsule")).isEmpty();
	}

	@Test
	void findsACodeByItsFirstCharacters() {
		assertThat(codes(this.catalog.search("E11", List.of(), 20))).containsExactly("E11.*");
	}

	@Test
	void namesCodesAlreadyChosenAndLeavesOutUnknownOnes() {
		assertThat(codes(this.catalog.named(CodeSystem.ICD10, List.of("i50.*", "Q99.9")))).containsExactly("I50.*");
	}

	@Test
	void offersNothingForBlankWords() {
		assertThat(this.catalog.search("  ", List.of(), 20)).isEmpty();
	}

	@Test
	void holdsOnlyNamedCodesThatAGroupOrBroadcastAccepts() {
		List<Entry> all = this.catalog.entries();
		assertThat(all).hasSizeGreaterThan(100);
		for (Entry entry : all) {
			assertThat(entry.english()).isNotBlank();
			assertThat(entry.spanish()).isNotBlank();
			switch (entry.system()) {
				case SNOMED ->
					assertThatNoException().as(entry.code()).isThrownBy(() -> CodeSet.parse(entry.code(), ""));
				case ICD10 ->
					assertThatNoException().as(entry.code()).isThrownBy(() -> CodeSet.parse("", entry.code()));
				case RXNORM -> assertThat(entry.code()).matches("[1-9][0-9]{0,7}");
			}
		}
	}

	private String code(String english) {
		return this.catalog.search(english, List.of(CodeSystem.RXNORM), 5)
			.stream()
			.filter((entry) -> entry.english().equals(english))
			.map(Entry::code)
			.findFirst()
			.orElseThrow();
	}

	private static List<String> codes(List<Entry> entries) {
		return entries.stream().map(Entry::code).toList();
	}

}
