package org.kinship.programs;

/** Where a sign-up stands. */
public enum SignUpStatus {

	/** Holds a place. */
	ADMITTED,
	/** On the waiting list, in the order of signing up. */
	WAITING

}
