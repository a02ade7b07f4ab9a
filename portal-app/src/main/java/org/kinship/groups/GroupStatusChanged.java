package org.kinship.groups;

/**
 * A group was locked, opened again or archived, from its management page or its group
 * controls. Published inside the changing transaction.
 *
 * @param issuer the group's health system
 * @param groupId the group
 * @param actor who changed it, as {@code fhirUser}
 * @param status the status it now has
 */
public record GroupStatusChanged(String issuer, long groupId, String actor, GroupStatus status) {
}
