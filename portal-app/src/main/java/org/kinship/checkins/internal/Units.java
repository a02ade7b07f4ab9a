package org.kinship.checkins.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The few UCUM conversions trends need: the same unit, pounds to kilograms, millilitres
 * to litres, and the spellings records use for percent and mmHg. Anything else is not
 * converted.
 */
final class Units {

	private static final Map<String, Map<String, Double>> FACTORS = Map.of("kg",
			Map.of("kg", 1.0, "[lb_av]", 0.45359237, "lb", 0.45359237, "g", 0.001), "L",
			Map.of("L", 1.0, "l", 1.0, "mL", 0.001, "ml", 0.001), "%", Map.of("%", 1.0), "mm[Hg]",
			Map.of("mm[Hg]", 1.0, "mmHg", 1.0));

	private Units() {
	}

	static @Nullable Double convert(double value, @Nullable String from, String to) {
		if (from == null) {
			return null;
		}
		Double factor = FACTORS.getOrDefault(to, Map.of()).get(from);
		return (factor != null) ? value * factor : null;
	}

}
