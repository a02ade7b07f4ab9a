package org.kinship.conversations;

import java.time.Instant;

/**
 * One message of a private conversation, as both sides see it.
 *
 * @param id its number, growing within the conversation
 * @param conversationId the conversation
 * @param authorName the member's name in the group, or the staff member's own name
 * @param fromStaff whether one of the group's staff wrote it
 * @param text plain text as written; pages escape it
 * @param createdAt when it was stored
 * @param reported whether the other member reported it to the group's staff
 */
public record PrivateMessage(long id, long conversationId, String authorName, boolean fromStaff, String text,
		Instant createdAt, boolean reported) {
}
