package org.kinship.moderation;

/**
 * A message showed crisis or distress about care, and the group's facilitators and
 * community managers must reach out within the response-time target. Published inside the
 * sending transaction, for listeners that alert staff after commit.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param itemId the review item
 * @param messageId the message
 */
public record EscalationRaised(String issuer, long groupId, long itemId, long messageId) {
}
