package org.kinship.review;

/**
 * A facilitator decided on a member's message, and the member is told at once on their
 * open pages. Published inside the deciding transaction, for delivery after commit.
 *
 * @param issuerKey the health system's registration key, as the member's connections are
 * named
 * @param author the member's {@code fhirUser}
 * @param groupId the group
 * @param decision what was decided ({@code REJECT}, {@code WARN}, {@code HIDE},
 * {@code APPROVE}, {@code EDIT_AND_APPROVE})
 * @param reason the facilitator's words, possibly empty
 */
public record AuthorToldOfDecision(String issuerKey, String author, long groupId, String decision, String reason) {
}
