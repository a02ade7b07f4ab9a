package org.kinship.conversations;

/**
 * A message was written in a private conversation. Published inside the writing
 * transaction, for the pages of both sides to show it after commit.
 *
 * @param issuerKey the registration key of the member's health system, for their open
 * pages
 * @param member the member's {@code fhirUser}
 * @param message the message
 */
public record PrivateMessageWritten(String issuerKey, String member, PrivateMessage message) {
}
