package org.kinship.broadcast.internal;

/**
 * The recipients of an urgent broadcast are due to be recorded in the EHR (after it was
 * sent, or when a manager retries the failed ones). Published inside the transaction that
 * makes it due, so that the Event Publication Registry stores it with that transaction;
 * it carries ids only, as it is kept in the registry until written.
 *
 * @param broadcastId the broadcast
 * @param issuer the health system's FHIR base URL
 */
public record WriteBackDue(long broadcastId, String issuer) {
}
