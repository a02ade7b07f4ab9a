package org.kinship.moderation;

/** The detectors. */
public enum Detector {

	/** A watched word or phrase, global or of the group. */
	WATCHED_WORD,
	/** Phone numbers, e-mail and street addresses, dates of birth, record numbers. */
	PERSONAL_DATA,
	/** Self-harm and suicide language. */
	CRISIS,
	/** Trouble managing care: out of medicine, cannot afford it, missed treatment. */
	CARE_DISTRESS,
	/** The first posts of a new member, and links from new members. */
	NEW_MEMBER

}
