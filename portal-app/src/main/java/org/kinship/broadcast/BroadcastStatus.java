package org.kinship.broadcast;

/** Where a broadcast is on its way. */
public enum BroadcastStatus {

	/** Being written; editable. */
	DRAFT,
	/** Waiting for its time; editable until then. */
	SCHEDULED,
	/** An urgent broadcast to many people, waiting for a second community manager. */
	AWAITING_APPROVAL,
	/** Stored for every recipient and delivered to those online. */
	SENT

}
