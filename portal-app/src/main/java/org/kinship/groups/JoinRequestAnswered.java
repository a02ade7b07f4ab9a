package org.kinship.groups;

/**
 * A facilitator answered a request to join an unlisted group. Published inside the
 * answering transaction, for listeners that tell the person after commit.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param fhirUser who asked
 * @param approved whether they were let in
 */
public record JoinRequestAnswered(String issuer, long groupId, String fhirUser, boolean approved) {
}
