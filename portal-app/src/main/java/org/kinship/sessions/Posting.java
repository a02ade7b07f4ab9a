package org.kinship.sessions;

/** Who may post while a live session runs. */
public enum Posting {

	/** Only the group's facilitators and community managers. */
	FACILITATORS,
	/** Everyone in the group, as at any other time. */
	OPEN

}
