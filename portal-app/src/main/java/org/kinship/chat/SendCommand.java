package org.kinship.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message as a member sends it. A field missing from the frame reads as empty, which
 * {@link Chat#send} refuses with its reason like any other unacceptable message.
 *
 * @param clientId the sender's own id for this message (8 to 64 letters, digits,
 * {@code -} or {@code _}); the same id on a retry returns the stored message
 * @param text the message, in the Markdown subset
 * @param replyTo the id of the message it answers, or {@code null}
 * @param treatment the RxNorm code of one of the sender's own medicine ingredients the
 * message is about, or {@code null} (an empty one reads as none)
 */
public record SendCommand(String clientId, String text, @Nullable Long replyTo, @Nullable String treatment) {

	public SendCommand(@Nullable String clientId, @Nullable String text, @Nullable Long replyTo,
			@Nullable String treatment) {
		this.clientId = (clientId != null) ? clientId : "";
		this.text = (text != null) ? text : "";
		this.replyTo = replyTo;
		this.treatment = (treatment != null && !treatment.isBlank()) ? treatment.strip() : null;
	}

	/**
	 * A message about no treatment.
	 * @param clientId the sender's own id for this message
	 * @param text the message
	 * @param replyTo the message it answers, or {@code null}
	 */
	public SendCommand(@Nullable String clientId, @Nullable String text, @Nullable Long replyTo) {
		this(clientId, text, replyTo, null);
	}

}
