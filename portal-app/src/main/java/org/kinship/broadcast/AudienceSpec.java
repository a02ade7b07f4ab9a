package org.kinship.broadcast;

import java.util.List;

/**
 * Who a broadcast is for, as the community manager chose: some groups, or a cohort
 * defined by the record. Codes are kept as typed and checked when the audience is
 * resolved.
 *
 * @param kind groups or a record-defined cohort
 * @param groupIds the groups, for {@link Kind#GROUPS}
 * @param snomedCodes SNOMED CT concept ids of the cohort's conditions
 * @param icd10Codes ICD-10-CM codes or prefixes of the cohort's conditions
 * @param rxnormCodes RxNorm codes of a current medication the cohort must also have;
 * blank for none
 */
public record AudienceSpec(Kind kind, List<Long> groupIds, String snomedCodes, String icd10Codes, String rxnormCodes) {

	/** The two ways of choosing an audience. */
	public enum Kind {

		/** The active members of one or more groups. */
		GROUPS,
		/** Members whose record holds an active condition (and perhaps a medicine). */
		COHORT

	}

}
