package org.kinship.careplan;

/**
 * What a member shares with a group from their plan: a message card with their own words.
 * Holds nothing from the record but what the member chose to share.
 *
 * @param groupSlug the group it is for
 * @param item the goal or activity it comes from
 * @param title the goal or activity in the record's words, for the preview
 * @param text the text to share, as the member edited it
 */
public record ShareCard(String groupSlug, ShareItem item, String title, String text) {
}
