package org.kinship.moderation;

/**
 * A new item arrived in a group's review queue and waits for a facilitator (held, flagged
 * or please look; an escalation is announced by {@link EscalationRaised}). Published
 * inside the enqueuing transaction, for listeners that tell staff after commit.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param itemId the review item
 */
public record ReviewItemArrived(String issuer, long groupId, long itemId) {
}
