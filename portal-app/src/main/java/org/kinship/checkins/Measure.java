package org.kinship.checkins;

import java.util.List;

/**
 * A measurement of the record that matters to some groups, by LOINC code, in the unit it
 * is charted in.
 */
public enum Measure {

	/** Hemoglobin A1c, in percent. */
	A1C("%", List.of("4548-4")),
	/** Body weight, in kilograms. */
	WEIGHT("kg", List.of("29463-7")),
	/** Systolic blood pressure, in mmHg, alone or in a blood pressure panel. */
	SYSTOLIC("mm[Hg]", List.of("8480-6")),
	/** Diastolic blood pressure, in mmHg, alone or in a blood pressure panel. */
	DIASTOLIC("mm[Hg]", List.of("8462-4")),
	/** Forced expiratory volume in one second, in litres. */
	FEV1("L", List.of("20150-9"));

	/** Blood pressure panels whose components are systolic and diastolic readings. */
	public static final List<String> PANELS = List.of("85354-9", "55284-4");

	private final String unit;

	private final List<String> loinc;

	Measure(String unit, List<String> loinc) {
		this.unit = unit;
		this.loinc = loinc;
	}

	/**
	 * The UCUM unit it is charted in.
	 * @return the unit
	 */
	public String unit() {
		return this.unit;
	}

	/**
	 * Its LOINC codes.
	 * @return the codes
	 */
	public List<String> loinc() {
		return this.loinc;
	}

}
