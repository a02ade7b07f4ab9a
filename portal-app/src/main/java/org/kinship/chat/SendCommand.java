package org.kinship.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message as a member sends it.
 *
 * @param clientId the sender's own id for this message (8 to 64 letters, digits,
 * {@code -} or {@code _}); the same id on a retry returns the stored message
 * @param text the message, in the Markdown subset
 * @param replyTo the id of the message it answers, or {@code null}
 */
public record SendCommand(String clientId, String text, @Nullable Long replyTo) {
}
