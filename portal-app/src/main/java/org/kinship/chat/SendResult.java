package org.kinship.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of a sent message, given only after the transaction that stored it
 * committed.
 *
 * @param message the stored message
 * @param held whether screening held it for review (stored, not delivered)
 * @param repeated whether this was a retry of a message stored before
 * @param crisis whether it showed crisis or distress about care: the sender is shown the
 * crisis resources at once, and the group's staff were alerted
 * @param heldKey for a held message, the message key that tells the member why;
 * {@code null} when the message showed crisis, since the sender then sees only the crisis
 * resources
 * @param heldArgs that message's arguments
 */
public record SendResult(ChatMessage message, boolean held, boolean repeated, boolean crisis, @Nullable String heldKey,
		List<String> heldArgs) {

	static SendResult repeated(ChatMessage message, boolean held) {
		return new SendResult(message, held, true, false, held ? "moderation.held" : null, List.of());
	}

}
