package org.kinship.review.internal;

/**
 * Tells the staff who have a group's review queue open to reload it.
 *
 * @param groupId the group
 * @param urgent whether an urgent escalation arrived
 */
record ReviewSignal(long groupId, boolean urgent) {
}
