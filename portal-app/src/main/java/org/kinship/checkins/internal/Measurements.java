package org.kinship.checkins.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.jspecify.annotations.Nullable;
import org.kinship.checkins.Measure;

/**
 * Reads the measurements of a patient's record that trends chart (Observations by LOINC
 * code, blood pressure panels split into their readings) and the targets of their Goals,
 * and maps them at once to Kinship's own records. A value in a unit Kinship cannot
 * convert is kept as recorded, and left out of the chart.
 */
final class Measurements {

	private static final String LOINC = "http://loinc.org";

	private static final int MAX_PAGES = 5;

	private Measurements() {
	}

	static List<Measured> observations(IGenericClient client, String patientId) {
		List<String> codes = new ArrayList<>(Measure.PANELS);
		Arrays.stream(Measure.values()).forEach((measure) -> codes.addAll(measure.loinc()));
		Bundle page = client.search()
			.forResource(Observation.class)
			.where(Observation.PATIENT.hasId(patientId))
			.and(Observation.CODE.exactly().systemAndValues(LOINC, codes))
			.count(200)
			.returnBundle(Bundle.class)
			.execute();
		List<Measured> measured = new ArrayList<>();
		for (int pages = 1; page != null; pages++) {
			page.getEntry()
				.stream()
				.map(Bundle.BundleEntryComponent::getResource)
				.filter(Observation.class::isInstance)
				.map(Observation.class::cast)
				.flatMap(Measurements::measured)
				.forEach(measured::add);
			page = (page.getLink(Bundle.LINK_NEXT) != null && pages < MAX_PAGES)
					? client.loadPage().next(page).execute() : null;
		}
		return measured;
	}

	static Map<Measure, Double> targets(IGenericClient client, String patientId) {
		Bundle goals = client.search()
			.forResource(Goal.class)
			.where(Goal.PATIENT.hasId(patientId))
			.count(100)
			.returnBundle(Bundle.class)
			.execute();
		Map<Measure, Double> targets = new EnumMap<>(Measure.class);
		for (var entry : goals.getEntry()) {
			if (entry.getResource() instanceof Goal goal) {
				goal.getTarget().forEach((target) -> {
					Measure measure = measureOf(target.getMeasure());
					Double value = targetValue(target);
					if (measure != null && value != null) {
						targets.put(measure, value);
					}
				});
			}
		}
		return targets;
	}

	private static @Nullable Double targetValue(Goal.GoalTargetComponent target) {
		if (target.hasDetailQuantity()) {
			return target.getDetailQuantity().getValue().doubleValue();
		}
		if (target.hasDetailRange() && target.getDetailRange().hasHigh()) {
			return target.getDetailRange().getHigh().getValue().doubleValue();
		}
		return null;
	}

	private static Stream<Measured> measured(Observation observation) {
		if (!observation.hasEffectiveDateTimeType()) {
			return Stream.empty();
		}
		LocalDate date = observation.getEffectiveDateTimeType()
			.getValue()
			.toInstant()
			.atZone(ZoneOffset.UTC)
			.toLocalDate();
		if (observation.hasComponent()) {
			return observation.getComponent()
				.stream()
				.filter((component) -> component.hasValueQuantity())
				.map((component) -> of(measureOf(component.getCode()), date, component.getValueQuantity()))
				.filter(java.util.Objects::nonNull);
		}
		if (!observation.hasValueQuantity()) {
			return Stream.empty();
		}
		return Stream.ofNullable(of(measureOf(observation.getCode()), date, observation.getValueQuantity()));
	}

	private static @Nullable Measured of(@Nullable Measure measure, LocalDate date, Quantity quantity) {
		if (measure == null || !quantity.hasValue()) {
			return null;
		}
		double value = quantity.getValue().doubleValue();
		String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
		Double converted = Units.convert(value, unit, measure.unit());
		return new Measured(measure, date, value, (unit != null) ? unit : "", converted);
	}

	private static @Nullable Measure measureOf(CodeableConcept code) {
		return code.getCoding()
			.stream()
			.filter((coding) -> LOINC.equals(coding.getSystem()))
			.flatMap((coding) -> Arrays.stream(Measure.values())
				.filter((measure) -> measure.loinc().contains(coding.getCode())))
			.findFirst()
			.orElse(null);
	}

	/**
	 * One measurement.
	 *
	 * @param measure what was measured
	 * @param date when
	 * @param value the value as recorded
	 * @param unit the unit as recorded
	 * @param charted the value in the measure's unit, or {@code null} when the recorded
	 * unit could not be converted
	 */
	record Measured(Measure measure, LocalDate date, double value, String unit, @Nullable Double charted) {
	}

}
