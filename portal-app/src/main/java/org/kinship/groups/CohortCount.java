package org.kinship.groups;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A cohort preview's figure: how many members a code set reaches today, and how the EHR
 * was asked.
 *
 * @param count the members, empty when the EHR could not tell
 * @param how how they were found, {@code null} when not
 */
public record CohortCount(OptionalInt count, @Nullable How how) {

	/**
	 * How a cohort was found.
	 */
	public enum How {

		/** Searches by code across patients alone. */
		SEARCH,

		/**
		 * Searches by code, and each remaining member's record read for the ICD-10-CM
		 * prefixes no search can express.
		 */
		SEARCH_AND_READS,

		/** Each member's record read, the EHR having refused the search by code. */
		READS_SEARCH_REFUSED,

		/** Each member's record read, the search by code being turned off. */
		READS;

		/**
		 * Whether members' records were read one by one.
		 * @return true unless found by searches alone
		 */
		public boolean readOneByOne() {
			return this != SEARCH;
		}

	}

}
