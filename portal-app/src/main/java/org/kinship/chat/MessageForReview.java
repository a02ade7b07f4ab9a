package org.kinship.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message as the group's moderators see it: who wrote it, the text as typed and its
 * earlier versions. Never shown to members.
 *
 * @param id the message
 * @param groupId the group
 * @param author the author's {@code fhirUser}
 * @param authorName the author's name in the group
 * @param body the Markdown as typed
 * @param html the rendered, sanitized message
 * @param status {@code VISIBLE}, {@code HELD}, {@code HIDDEN}, {@code REJECTED} or
 * {@code DELETED}
 * @param createdAt when it was stored
 * @param versions earlier versions, oldest first
 */
public record MessageForReview(long id, long groupId, String author, String authorName, String body, String html,
		String status, Instant createdAt, List<String> versions) {

	/**
	 * Whether the message waits for approval before anyone sees it.
	 * @return true while held
	 */
	public boolean held() {
		return "HELD".equals(this.status);
	}

}
