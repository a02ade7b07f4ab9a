package org.kinship.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My trends" for Synthea patients of the sandbox: the page shows the values of their own
 * record, read from the same sample files the sandbox loaded (A1c for a member of the
 * diabetes group, blood pressure for a member of the heart-failure group), each in its
 * row with its date.
 */
class TrendsEndToEndIntegrationTests {

	private static final String A1C = "4548-4";

	private static final String SYSTOLIC = "8480-6";

	private static final String DIASTOLIC = "8462-4";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aDiabetesGroupMemberSeesTheA1cOfTheirRecord() throws Exception {
		LaunchedPerson louis = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Louis Maggio"));
		joinOrStay(louis, "living-with-type-2-diabetes", "Louis");
		List<Recorded> a1c = recorded("Louis_Maggio_", A1C);
		assertThat(a1c).as("A1c values in the sample").isNotEmpty();

		String page = trends(louis);
		String article = article(page, "measure-a1c");
		for (Recorded value : a1c) {
			assertThat(article).as("the A1c of " + value.date())
				.containsPattern(row(value.date(), "A1c", value.shown() + " %"));
		}
		assertThat(article).contains("<svg").contains("Your A1c over time, in percent");
		assertThat(page).doesNotContain("id=\"measure-fev1\"");
	}

	@Test
	void aHeartFailureGroupMemberSeesTheBloodPressureOfTheirRecord() throws Exception {
		LaunchedPerson tommy = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Tommy Friesen"));
		joinOrStay(tommy, "heart-failure-support", "Tommy");
		List<Recorded> systolic = recorded("Tommy_Friesen_", SYSTOLIC);
		List<Recorded> diastolic = recorded("Tommy_Friesen_", DIASTOLIC);
		assertThat(systolic).as("systolic readings in the sample").isNotEmpty();

		String article = article(trends(tommy), "measure-blood_pressure");
		for (Recorded value : systolic) {
			assertThat(article).containsPattern(row(value.date(), "Systolic", value.shown() + " mmHg"));
		}
		for (Recorded value : diastolic) {
			assertThat(article).containsPattern(row(value.date(), "Diastolic", value.shown() + " mmHg"));
		}
		assertThat(article).contains("Circles: systolic");
	}

	private static String trends(LaunchedPerson person) throws Exception {
		var page = person.get("/trends");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("id=\"trends-unavailable\"")
			.doesNotContain("id=\"trends-not-relevant\"");
		return page.body();
	}

	private static void joinOrStay(LaunchedPerson person, String slug, String name) throws Exception {
		if (person.get("/groups/" + slug).body().contains("id=\"join\"")) {
			CommunityGroups.join(person, slug, name);
		}
	}

	private static String article(String page, String id) {
		Matcher article = Pattern.compile("<article[^>]*id=\"" + id + "\".*?</article>", Pattern.DOTALL).matcher(page);
		assertThat(article.find()).as(id + " on the trends page").isTrue();
		return article.group();
	}

	private static Pattern row(String date, String kind, String value) {
		return Pattern
			.compile("<td>" + date + "</td>\\s*<td>" + kind + "</td>\\s*<td><span>" + Pattern.quote(value) + "</span>");
	}

	/**
	 * The values of one LOINC code in a sample patient's bundle, alone or as a component,
	 * shown as Kinship shows them: one decimal, none for a whole number.
	 */
	private static List<Recorded> recorded(String filePrefix, String loinc) throws IOException {
		Path file;
		try (Stream<Path> files = Files.list(RunningKinship.syntheaSamples())) {
			file = files.filter((path) -> path.getFileName().toString().startsWith(filePrefix))
				.findFirst()
				.orElseThrow();
		}
		Bundle bundle;
		try (InputStream in = Files.newInputStream(file)) {
			bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in);
		}
		List<Recorded> values = new ArrayList<>();
		for (var entry : bundle.getEntry()) {
			if (entry.getResource() instanceof Observation observation && observation.hasEffectiveDateTimeType()) {
				String date = observation.getEffectiveDateTimeType()
					.getValue()
					.toInstant()
					.atZone(ZoneOffset.UTC)
					.toLocalDate()
					.toString();
				if (coded(observation.getCode(), loinc) && observation.hasValueQuantity()) {
					values.add(new Recorded(date, shown(observation.getValueQuantity())));
				}
				observation.getComponent()
					.stream()
					.filter((component) -> coded(component.getCode(), loinc) && component.hasValueQuantity())
					.forEach((component) -> values.add(new Recorded(date, shown(component.getValueQuantity()))));
			}
		}
		return values;
	}

	private static boolean coded(org.hl7.fhir.r4.model.CodeableConcept code, String loinc) {
		return code.getCoding()
			.stream()
			.anyMatch((coding) -> "http://loinc.org".equals(coding.getSystem()) && loinc.equals(coding.getCode()));
	}

	private static String shown(Quantity quantity) {
		double value = quantity.getValue().doubleValue();
		return (Math.abs(value - Math.rint(value)) < 0.05) ? String.valueOf(Math.round(value))
				: String.format(Locale.ROOT, "%.1f", value);
	}

	private record Recorded(String date, String shown) {
	}

}
