package org.kinship.careplan.internal;

/** Whether a part of the record could be shown, and if not, why. */
public enum SectionStatus {

	/** Read and shown. */
	SHOWN,
	/** The EHR did not let Kinship read it: the scope was not granted, or 403. */
	NOT_GRANTED,
	/** It did not arrive before the panel's request stopped waiting. */
	SLOW,
	/** The EHR could not be reached or answered with an error. */
	UNAVAILABLE,
	/** The EHR's answer could not be read. */
	UNREADABLE;

	/**
	 * Whether trying again may help, so that the result must not be cached.
	 * @return true for a slow, failing or unreadable answer
	 */
	public boolean passing() {
		return this == SLOW || this == UNAVAILABLE || this == UNREADABLE;
	}

}
