package org.kinship.moderation;

/**
 * A message about to be stored.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param author the author's {@code fhirUser}
 * @param text the message as typed (Markdown source)
 * @param publishedBefore how many of the author's messages in this group were published
 * before this one (held, rejected and deleted ones not counted)
 * @param staff whether the author is a facilitator or community manager of the group
 */
public record Submission(String issuer, long groupId, String author, String text, int publishedBefore, boolean staff) {
}
