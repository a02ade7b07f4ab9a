package org.kinship.chat;

/**
 * A message was stored and may be delivered. Published inside the sending transaction and
 * meant for listeners that act after commit.
 *
 * @param message the message
 */
public record MessagePosted(ChatMessage message) {
}
