package org.kinship.programs;

/** What kind of program it is. */
public enum ProgramKind {

	/** A support group that meets in person or by video. */
	SUPPORT_GROUP,
	/** A class: one topic, often a single series. */
	CLASS,
	/** A course of several sessions that build on each other. */
	COURSE

}
