package org.kinship.groups;

/** Where a group is in its life. */
public enum GroupStatus {

	/** Open to new members and to discussion. */
	OPEN,
	/** Readable by its members; nobody joins and nothing new is posted. */
	LOCKED,
	/** Closed; not listed and not joinable. */
	ARCHIVED

}
