package org.kinship.careplan.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesTests {

	@Test
	void readsARepeatThePageCanWord() {
		Timing timing = new Timing();
		timing.getRepeat().setFrequency(2).setPeriod(new BigDecimal("1")).setPeriodUnit(UnitsOfTime.D);
		Schedule schedule = Schedules.of(timing);
		assertThat(schedule.repeatsEachUnit()).isTrue();
		assertThat(schedule.frequency()).isEqualTo(2);
		assertThat(schedule.unit()).isEqualTo("d");

		timing.getRepeat().setPeriod(new BigDecimal("2")).setPeriodUnit(UnitsOfTime.WK);
		assertThat(Schedules.of(timing).repeatsEveryFewUnits()).isTrue();
	}

	@Test
	void leavesOutUnitsThePageCannotWord() {
		Timing timing = new Timing();
		timing.getRepeat().setFrequency(1).setPeriod(new BigDecimal("30")).setPeriodUnit(UnitsOfTime.MIN);
		assertThat(Schedules.of(timing)).isNull();
		timing.setCode(new CodeableConcept().setText("After meals"));
		assertThat(Schedules.of(timing).text()).isEqualTo("After meals");
		assertThat(Schedules.of(timing).repeatsEachUnit()).isFalse();
	}

	@Test
	void readsPeriodsAndWords() {
		Period period = new Period();
		period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-03-01"));
		assertThat(Schedules.of(period).start()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(Schedules.of(new StringType("Every morning")).text()).isEqualTo("Every morning");
		assertThat(Schedules.of(new StringType(" "))).isNull();
		assertThat(Schedules.of((org.hl7.fhir.r4.model.Type) null)).isNull();
	}

}
