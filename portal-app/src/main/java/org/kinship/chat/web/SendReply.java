package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.SendResult;

/**
 * The answer to a send, on the sender's own queue.
 *
 * @param clientId the sender's id for the message
 * @param outcome {@code STORED}, {@code HELD}, {@code REFUSED} or {@code FAILED} (not
 * stored: try again)
 * @param message the stored message, when stored
 * @param reason why it was refused or failed, in the member's language
 */
record SendReply(String clientId, String outcome, @Nullable ChatMessage message, @Nullable String reason) {

	static SendReply stored(SendResult result) {
		return new SendReply(result.message().clientId(), result.held() ? "HELD" : "STORED", result.message(), null);
	}

	static SendReply refused(String clientId, String reason) {
		return new SendReply(clientId, "REFUSED", null, reason);
	}

	static SendReply failed(String clientId, String reason) {
		return new SendReply(clientId, "FAILED", null, reason);
	}

}
