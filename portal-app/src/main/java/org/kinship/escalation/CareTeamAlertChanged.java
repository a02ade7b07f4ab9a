package org.kinship.escalation;

/**
 * An escalation's care-team alert changed: written, failed, or started again. Published
 * inside the transaction that stores the change, for pages that show it to refresh after
 * commit.
 *
 * @param issuer the health system's FHIR base URL
 * @param groupId the escalation's group
 * @param itemId the escalation
 */
public record CareTeamAlertChanged(String issuer, long groupId, long itemId) {
}
