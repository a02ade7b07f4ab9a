package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.SendResult;

/**
 * The answer to a send, on the sender's own queue.
 *
 * @param clientId the sender's id for the message
 * @param outcome {@code STORED}, {@code HELD}, {@code CHANGED}, {@code FLAGGED},
 * {@code REFUSED} or {@code FAILED} (not stored: try again)
 * @param message the stored message, when stored
 * @param reason why it was refused, held or failed, in the member's language; nothing for
 * a held message that showed crisis
 * @param crisis whether the sender should see the crisis resources at once
 */
record SendReply(String clientId, String outcome, @Nullable ChatMessage message, @Nullable String reason,
		boolean crisis) {

	static SendReply stored(SendResult result, @Nullable String heldReason) {
		return new SendReply(result.message().clientId(), result.held() ? "HELD" : "STORED", result.message(),
				result.held() ? heldReason : null, result.crisis());
	}

	static SendReply changed(String requestId, ChatMessage message) {
		return new SendReply(requestId, "CHANGED", message, null, false);
	}

	static SendReply flagged(String requestId, String thanks) {
		return new SendReply(requestId, "FLAGGED", null, thanks, false);
	}

	static SendReply refused(String clientId, String reason) {
		return new SendReply(clientId, "REFUSED", null, reason, false);
	}

	static SendReply failed(String clientId, String reason) {
		return new SendReply(clientId, "FAILED", null, reason, false);
	}

}
