package org.kinship.careplan.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/**
 * A value from the record in words and symbols every reader knows ("< 7 %", "4–8 h"),
 * with the unit as the record writes it.
 */
final class Quantities {

	private Quantities() {
	}

	static @Nullable String of(Type value) {
		if (value instanceof Quantity quantity) {
			return of(quantity);
		}
		if (value instanceof Range range) {
			String low = range.hasLow() ? of(range.getLow()) : null;
			String high = range.hasHigh() ? of(range.getHigh()) : null;
			return (low != null && high != null) ? low + " – " + high
					: (low != null) ? "≥ " + low : (high != null) ? "≤ " + high : null;
		}
		if (value instanceof Ratio ratio && ratio.hasNumerator() && ratio.hasDenominator()) {
			return of(ratio.getNumerator()) + " / " + of(ratio.getDenominator());
		}
		if (value instanceof CodeableConcept concept) {
			return PlainText.of(concept);
		}
		if (value instanceof StringType text) {
			return PlainText.clean(text.getValue());
		}
		if (value instanceof IntegerType number && number.hasValue()) {
			return number.getValueAsString();
		}
		return null;
	}

	private static @Nullable String of(Quantity quantity) {
		if (!quantity.hasValue()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		if (quantity.hasComparator()) {
			text.append(quantity.getComparator().toCode()).append(' ');
		}
		text.append(quantity.getValue().stripTrailingZeros().toPlainString());
		String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
		if (unit != null && !unit.isBlank()) {
			text.append(' ').append(unit.strip());
		}
		return PlainText.clean(text.toString());
	}

}
