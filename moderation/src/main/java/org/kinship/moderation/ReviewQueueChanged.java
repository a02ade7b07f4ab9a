package org.kinship.moderation;

/**
 * A group's review queue changed: an item arrived, was taken or was decided. Published
 * inside the changing transaction, for listeners that refresh open queues after commit.
 *
 * @param issuer the health system
 * @param groupId the group
 */
public record ReviewQueueChanged(String issuer, long groupId) {
}
