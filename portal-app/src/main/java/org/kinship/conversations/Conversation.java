package org.kinship.conversations;

import java.time.Instant;

/**
 * A private conversation between a group's staff and one of its members.
 *
 * @param id its number
 * @param issuer the health system
 * @param groupId the group whose staff take part
 * @param member the member's {@code fhirUser}
 * @param memberName the name the member goes by in the group
 * @param openedBy who opened it, a {@code fhirUser} of the group's staff
 * @param createdAt when
 */
public record Conversation(long id, String issuer, long groupId, String member, String memberName, String openedBy,
		Instant createdAt) {
}
