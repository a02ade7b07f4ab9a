package org.kinship.careplan.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * When something is to be done, as the record gives it: words, a repeat ("twice a day"),
 * or dates. The page words it in the reader's language.
 *
 * @param text words from the record, or {@code null}
 * @param frequency how many times per period, or 0 when the record gives no repeat
 * @param period the period's length, or {@code null}
 * @param unit the period's unit as UCUM ({@code h}, {@code d}, {@code wk}, {@code mo}),
 * or {@code null}
 * @param start the first day, or {@code null}
 * @param end the last day, or {@code null}
 */
public record Schedule(@Nullable String text, int frequency, @Nullable BigDecimal period, @Nullable String unit,
		@Nullable LocalDate start, @Nullable LocalDate end) implements Serializable {

	/**
	 * Whether the schedule repeats in a way the page can word.
	 * @return true for a known unit and a period of one
	 */
	public boolean repeatsEachUnit() {
		return this.frequency > 0 && this.unit != null && this.period != null
				&& this.period.compareTo(BigDecimal.ONE) == 0;
	}

	/**
	 * Whether the schedule repeats every few units ("every 2 weeks").
	 * @return true for a known unit and a period above one
	 */
	public boolean repeatsEveryFewUnits() {
		return this.frequency > 0 && this.unit != null && this.period != null
				&& this.period.compareTo(BigDecimal.ONE) > 0;
	}

}
