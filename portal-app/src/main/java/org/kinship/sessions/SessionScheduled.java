package org.kinship.sessions;

import java.time.Instant;

/**
 * A live session was scheduled, or started ahead of its time. Published inside the
 * scheduling transaction, for listeners that tell the group's members when it starts: a
 * session is still to be announced only while {@link LiveSessions#startsAsScheduled}
 * holds for this start.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param sessionId the session
 * @param startsAt when it starts
 */
public record SessionScheduled(String issuer, long groupId, long sessionId, Instant startsAt) {
}
