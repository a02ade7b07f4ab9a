package org.kinship.groups;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;

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
	void knowsAnIngredientOfEveryMedicineOfTheSharedSyntheaRecords() throws IOException {
		Map<String, List<String>> medicines = syntheaMedicines();
		assertThat(medicines).as("the MedicationRequests of the shared samples").hasSizeGreaterThanOrEqualTo(35);

		medicines.forEach((name, rxnorm) -> assertThat(this.catalog.ingredients(rxnorm, name)).as(name).isNotEmpty());
	}

	@Test
	void namesEveryLongTermConditionOfTheSharedSyntheaRecordsAsTheRecordsDo() throws IOException {
		Map<String, String> conditions = syntheaConditions();
		assertThat(conditions).as("the active conditions of the shared samples").hasSizeGreaterThanOrEqualTo(20);
		// events and past procedures rather than conditions a member lives with: no group
		// forms around them (appendicitis, rupture of appendix, drug overdose, history of
		// appendectomy)
		List<String> events = List.of("74400008", "47693006", "55680006", "428251008");

		conditions.forEach((code, display) -> {
			boolean lastingDisorder = !display.endsWith("(finding)") && !display.endsWith("(situation)")
					&& !events.contains(code);
			List<Entry> named = this.catalog.named(CodeSystem.SNOMED, List.of(code));
			if (lastingDisorder) {
				assertThat(named).as(code + " " + display).hasSize(1);
			}
			// a code the catalogue holds means what the record says it means: its
			// name has most of the record's words
			named.forEach((entry) -> {
				List<String> recorded = words(display);
				assertThat(recorded.stream().filter(words(entry.english())::contains).count() * 2)
					.as(code + " " + display + " named " + entry.english())
					.isGreaterThan(recorded.size());
			});
		});
	}

	@Test
	void knowsEveryIngredientOfACombinationOrABrandPack() {
		assertThat(english(this.catalog.ingredients(List.of(), "Lasix 40mg"))).containsExactly("furosemide");
		assertThat(english(this.catalog.ingredients(List.of(), "Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet")))
			.containsExactlyInAnyOrder("amoxicillin", "clavulanate (clavulanic acid)");
		assertThat(english(this.catalog.ingredients(List.of(),
				"24 HR Donepezil hydrochloride 10 MG / Memantine hydrochloride 28 MG Extended Release Oral Capsule")))
			.containsExactlyInAnyOrder("donepezil", "memantine");
		assertThat(english(this.catalog.ingredients(List.of("748856"), "Yaz 28 Day Pack")))
			.containsExactlyInAnyOrder("drospirenone", "ethinyl estradiol");
		assertThat(english(this.catalog.ingredients(List.of(), "Ortho Tri-Cyclen 28 Day Pack")))
			.containsExactlyInAnyOrder("norgestimate", "ethinyl estradiol");
		assertThat(english(this.catalog.ingredients(List.of(), "Mirena 52 MG Intrauterine System")))
			.containsExactly("levonorgestrel");
		assertThat(english(this.catalog.ingredients(List.of(), "Diazepam [Valium]"))).containsExactly("diazepam");
		assertThat(english(this.catalog.ingredients(List.of(), "ferrous sulfate 325 MG Oral Tablet")))
			.containsExactly("ferrous sulfate");
	}

	@Test
	void knowsAnIngredientByItsRxNormCodeWhateverTheRecordCallsIt() {
		assertThat(english(this.catalog.ingredients(List.of("7258"), "Store brand pain reliever")))
			.containsExactly("naproxen");
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
		assertThat(all).hasSizeGreaterThan(200);
		assertThat(all).filteredOn((entry) -> entry.system() == CodeSystem.RXNORM).hasSizeGreaterThanOrEqualTo(100);
		assertThat(all).extracting((entry) -> entry.system() + " " + entry.code()).doesNotHaveDuplicates();
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

	/**
	 * The SNOMED CT code and display of every active Condition of
	 * {@code shared/fhir-samples/synthea}.
	 */
	private static Map<String, String> syntheaConditions() throws IOException {
		Map<String, String> conditions = new TreeMap<>();
		for (Bundle bundle : syntheaRecords()) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof Condition condition
						&& "active".equals(condition.getClinicalStatus().getCodingFirstRep().getCode())) {
					condition.getCode()
						.getCoding()
						.stream()
						.filter((coding) -> "http://snomed.info/sct".equals(coding.getSystem()))
						.forEach((coding) -> conditions.put(coding.getCode(), coding.getDisplay()));
				}
			}
		}
		return conditions;
	}

	/**
	 * The words of four letters or more of a name, lower case, its semantic tag left out.
	 */
	private static List<String> words(String name) {
		return Stream.of(name.replaceAll("\\([a-z ]+\\)$", "").toLowerCase(Locale.ROOT).split("[^a-z]+"))
			.filter((word) -> word.length() >= 4)
			.toList();
	}

	/**
	 * Every medicine the MedicationRequests of {@code shared/fhir-samples/synthea} name,
	 * with its RxNorm codes.
	 */
	private static Map<String, List<String>> syntheaMedicines() throws IOException {
		Map<String, List<String>> medicines = new TreeMap<>();
		for (Bundle bundle : syntheaRecords()) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof MedicationRequest request
						&& request.hasMedicationCodeableConcept()) {
					CodeableConcept medicine = request.getMedicationCodeableConcept();
					medicines.put(medicine.hasText() ? medicine.getText() : medicine.getCodingFirstRep().getDisplay(),
							medicine.getCoding()
								.stream()
								.filter((coding) -> "http://www.nlm.nih.gov/research/umls/rxnorm"
									.equals(coding.getSystem()))
								.map(Coding::getCode)
								.toList());
				}
			}
		}
		return medicines;
	}

	/**
	 * The transaction bundles of {@code shared/fhir-samples/synthea}, one per patient.
	 */
	private static List<Bundle> syntheaRecords() throws IOException {
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		List<Bundle> records = new ArrayList<>();
		try (Stream<Path> files = Files.list(syntheaSamples())) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				try (Reader reader = Files.newBufferedReader(file)) {
					records.add(parser.parseResource(Bundle.class, reader));
				}
			}
		}
		return records;
	}

	/**
	 * The synthetic patients shared beside the project root, found by walking up from the
	 * module folder Maven runs the tests in.
	 */
	private static Path syntheaSamples() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/fhir-samples/synthea");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("shared/fhir-samples/synthea was not found beside the project root");
	}

	private static List<String> english(List<Entry> entries) {
		return entries.stream().map(Entry::english).toList();
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
