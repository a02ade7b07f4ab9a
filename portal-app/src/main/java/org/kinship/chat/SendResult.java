package org.kinship.chat;

/**
 * What became of a sent message, given only after the transaction that stored it
 * committed.
 *
 * @param message the stored message
 * @param held whether screening held it for review (stored, not delivered)
 * @param repeated whether this was a retry of a message stored before
 */
public record SendResult(ChatMessage message, boolean held, boolean repeated) {
}
