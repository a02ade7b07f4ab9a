package org.kinship.escalation.internal;

/**
 * An escalation's care-team alert is due to be written to the EHR (it was raised, or a
 * facilitator tries a failed one again). Published inside the transaction that makes it
 * due, so that the Event Publication Registry stores it with that transaction; ids only,
 * as it is kept in the registry until written.
 *
 * @param itemId the escalation
 * @param issuer the health system's FHIR base URL
 */
public record CareTeamAlertDue(long itemId, String issuer) {
}
