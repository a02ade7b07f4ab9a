package org.kinship.broadcast;

/** What became of a member's "I have read this". */
public enum Acknowledgement {

	/** Recorded now. */
	RECORDED,

	/** The member had confirmed it before; nothing changed. */
	ALREADY,

	/** The member is not a recipient of the broadcast. */
	NOT_RECIPIENT

}
