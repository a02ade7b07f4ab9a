package org.kinship.audit;

/**
 * What was done.
 */
public enum AuditAction {

	/** A launch that became a session. */
	LAUNCH,
	/** A launch that failed. */
	LAUNCH_FAILED,
	/** An access token renewed with the refresh token. */
	TOKEN_REFRESH,
	/** A refresh that failed: the user must open Kinship again. */
	TOKEN_REFRESH_FAILED,
	/** A read or search on the EHR's FHIR server. */
	FHIR_READ,
	/** A resource about another patient found in a response and dropped. */
	FOREIGN_RESOURCE_DROPPED,
	/** A right granted or revoked by a community manager. */
	ROLE_CHANGE,
	/**
	 * A step of a cohort broadcast: saved, previewed, scheduled, sent, held for or given
	 * approval, refused, opened, acknowledged, exported, written back to the EHR.
	 */
	BROADCAST,
	/**
	 * A change of a group's controls by its staff: slow mode, a lock, an opening or an
	 * archiving, a pin, a live session scheduled, started or ended.
	 */
	GROUP_CONTROL,
	/** A member muted, suspended or banned, or a sanction lifted early. */
	SANCTION,
	/**
	 * An urgent escalation written to the patient's record for their care team (a
	 * {@code Communication} or a {@code Task}), or the attempt that failed.
	 */
	CARE_TEAM_ALERT,
	/**
	 * A retention job's run: the table in {@code resource_types}, how many rows it
	 * deleted or purged in {@code outcome} ({@code DELETED 1200}, {@code PURGED 3}, or
	 * {@code FAILED 1000} for a run that stopped on an error after that many). Counts
	 * only.
	 */
	RETENTION

}
