package org.kinship.referrals;

/** What became of a referral in the EHR. */
public enum EhrRecord {

	/** The health system does not take referrals from Kinship (the default). */
	NOT_ASKED,
	/** Being written. */
	PENDING,
	/** Recorded as a ServiceRequest (and a Task). */
	WRITTEN,
	/** The EHR refused or could not be reached: kept in Kinship only. */
	REFUSED

}
