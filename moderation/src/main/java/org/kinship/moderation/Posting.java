package org.kinship.moderation;

import java.util.function.IntSupplier;

/**
 * A member's message on its way into a group's discussion, as chat hands it to
 * {@link Moderation#admit(Posting)}.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param author the author's {@code fhirUser}
 * @param staff whether the author is a facilitator or community manager of the group
 * @param text the message as typed (Markdown source), trimmed
 * @param publishedBefore how many of the author's messages in this group were published
 * before this one (held, rejected and deleted ones not counted); asked at most once, and
 * only when the group's new-member rule needs it, since counting is a database read
 */
public record Posting(String issuer, long groupId, String author, boolean staff, String text,
		IntSupplier publishedBefore) {
}
