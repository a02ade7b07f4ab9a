package org.kinship.conversations;

import org.jspecify.annotations.Nullable;

/**
 * A message was written in a private conversation. Published inside the writing
 * transaction, for the pages of both sides to show it after commit.
 *
 * @param issuerKey the registration key of the member's health system, for their open
 * pages
 * @param recipient the member whose other pages are told of it (the member when staff
 * wrote, the other member between members), or {@code null} when it was written to the
 * group's staff
 * @param message the message
 */
public record PrivateMessageWritten(String issuerKey, @Nullable String recipient, PrivateMessage message) {
}
