package org.kinship.programs;

import java.time.DayOfWeek;

import org.jspecify.annotations.Nullable;

/**
 * What a member looks for in the directory; every part is optional.
 *
 * @param groupId the condition group the program is linked to
 * @param language the language it is held in
 * @param postalCode where the member is, for distance
 * @param miles how far from it, in miles, for in-person programs (video ones are never
 * too far)
 * @param day the day of the week it meets on
 */
public record ProgramSearch(@Nullable Long groupId, @Nullable String language, @Nullable String postalCode,
		@Nullable Integer miles, @Nullable DayOfWeek day) {

	/** Searching within this many miles when the member gives a postal code only. */
	public static final int DEFAULT_MILES = 10;

	/**
	 * No filter.
	 * @return the search
	 */
	public static ProgramSearch everything() {
		return new ProgramSearch(null, null, null, null, null);
	}

	/**
	 * The distance asked for, or the default.
	 * @return the miles
	 */
	public int milesOrDefault() {
		return (this.miles != null && this.miles > 0) ? this.miles : DEFAULT_MILES;
	}

}
