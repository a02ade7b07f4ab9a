package org.kinship.programs;

/** Where a program meets. */
public enum ProgramFormat {

	/** At an address, with its accessibility notes. */
	IN_PERSON,
	/** By video, at a link. */
	VIDEO

}
