package org.kinship.chat;

/**
 * A group's controls changed: slow mode, lock, pinned messages or a live session.
 * Members' pages ask again what their composer may do and what is pinned. Published
 * inside the changing transaction for listeners that act after commit.
 *
 * @param groupId the group
 */
public record GroupControlsChanged(long groupId) {
}
