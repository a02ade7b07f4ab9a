package org.kinship.referrals;

/** What became of a referral in the EHR. */
public enum EhrRecord {

	/** The health system does not take referrals from Kinship (the default). */
	NOT_ASKED,
	/** Being written, after the referral was committed. */
	PENDING,
	/**
	 * The EHR failed or did not answer (a server error, a timeout): written again later,
	 * in the background.
	 */
	RETRYING,
	/** Recorded as a ServiceRequest (and a Task). */
	WRITTEN,
	/** The EHR refused it (a client error): final, kept in Kinship only. */
	REFUSED,
	/**
	 * The EHR could not be reached for {@code kinship.referrals.ehr-give-up-after}: no
	 * longer tried, kept in Kinship only.
	 */
	UNREACHABLE;

	/**
	 * Whether Kinship is still to write it.
	 * @return true while pending or waiting to retry
	 */
	public boolean due() {
		return this == PENDING || this == RETRYING;
	}

	/**
	 * Whether it will never be in the EHR, so that the clinician records it there.
	 * @return true once refused or given up
	 */
	public boolean notInEhr() {
		return this == REFUSED || this == UNREACHABLE;
	}

}
