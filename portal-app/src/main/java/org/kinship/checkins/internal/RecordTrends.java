package org.kinship.checkins.internal;

import java.util.List;
import java.util.Map;

import org.kinship.checkins.Measure;
import org.kinship.checkins.internal.Measurements.Measured;
import org.kinship.launch.FhirClients;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RelaunchRequiredException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads the measurements and goal targets of the record of the patient in context with
 * the user's own token, on the request thread.
 */
@Component
public class RecordTrends {

	private static final Logger logger = LoggerFactory.getLogger(RecordTrends.class);

	private final FhirClients fhir;

	RecordTrends(FhirClients fhir) {
		this.fhir = fhir;
	}

	/**
	 * The record's measurements and targets.
	 * @param principal the user, with a patient in context
	 * @return what was read; {@link Read#available()} false when the EHR could not answer
	 */
	public Read read(KinshipPrincipal principal) {
		String patientId = principal.patientId();
		if (patientId == null || !principal.mayRead("Observation")) {
			return new Read(false, List.of(), Map.of());
		}
		try {
			return this.fhir.withUserToken(principal,
					(client) -> new Read(true,
							Measurements.observations(client, patientId).stream().map(RecordTrends::value).toList(),
							principal.mayRead("Goal") ? Measurements.targets(client, patientId) : Map.of()));
		}
		catch (RelaunchRequiredException ex) {
			return new Read(false, List.of(), Map.of());
		}
		catch (RuntimeException ex) {
			// the class only: a message could carry record content
			logger.warn("Could not read the record's measurements: {}", ex.getClass().getName());
			return new Read(false, List.of(), Map.of());
		}
	}

	private static Value value(Measured measured) {
		return new Value(measured.measure(), measured.date(), measured.value(), measured.unit(), measured.charted());
	}

	/**
	 * What the record gave.
	 *
	 * @param available whether it could be read
	 * @param values the measurements
	 * @param targets the goals' targets, in each measure's unit
	 */
	public record Read(boolean available, List<Value> values, Map<Measure, Double> targets) {
	}

	/**
	 * One measurement.
	 *
	 * @param measure what
	 * @param date when
	 * @param value as recorded
	 * @param unit as recorded
	 * @param charted in the measure's unit, or {@code null} when not convertible
	 */
	public record Value(Measure measure, java.time.LocalDate date, double value, String unit,
			@org.jspecify.annotations.Nullable Double charted) {
	}

}
