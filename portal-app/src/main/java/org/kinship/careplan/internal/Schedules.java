package org.kinship.careplan.internal;

import java.util.Set;

import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/**
 * A schedule from the record's {@code Timing}, {@code Period} or words. Units the page
 * cannot word are left out rather than shown as codes.
 */
final class Schedules {

	private static final Set<String> UNITS = Set.of("h", "d", "wk", "mo", "a");

	private Schedules() {
	}

	static @Nullable Schedule of(@Nullable Type scheduled) {
		if (scheduled instanceof Timing timing) {
			return of(timing);
		}
		if (scheduled instanceof Period period) {
			return of(period);
		}
		if (scheduled instanceof StringType text && PlainText.clean(text.getValue()) != null) {
			return new Schedule(PlainText.clean(text.getValue()), 0, null, null, null, null);
		}
		return null;
	}

	static @Nullable Schedule of(Timing timing) {
		String words = PlainText.of(timing.getCode());
		TimingRepeatComponent repeat = timing.getRepeat();
		boolean repeats = repeat.hasFrequency() && repeat.hasPeriod() && repeat.hasPeriodUnit()
				&& UNITS.contains(repeat.getPeriodUnit().toCode()) && repeat.getFrequency() > 0;
		Period bounds = repeat.hasBoundsPeriod() ? repeat.getBoundsPeriod() : new Period();
		if (words == null && !repeats && bounds.isEmpty()) {
			return null;
		}
		return new Schedule(words, repeats ? repeat.getFrequency() : 0,
				repeats ? repeat.getPeriodElement().getValue() : null, repeats ? repeat.getPeriodUnit().toCode() : null,
				PlainText.date(bounds.getStartElement()), PlainText.date(bounds.getEndElement()));
	}

	private static @Nullable Schedule of(Period period) {
		if (!period.hasStart() && !period.hasEnd()) {
			return null;
		}
		return new Schedule(null, 0, null, null, PlainText.date(period.getStartElement()),
				PlainText.date(period.getEndElement()));
	}

}
