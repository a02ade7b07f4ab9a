package org.kinship.chat;

/**
 * A stored message was edited, deleted or reacted to; members replace what they show.
 * Published inside the changing transaction for listeners that act after commit.
 *
 * @param message the message as it now is
 */
public record MessageChanged(ChatMessage message) {
}
