package org.kinship.programs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A session of a program linked to a group that has started, with its attendance, for the
 * group's staff beside the group's own live sessions.
 *
 * @param programId the program
 * @param sessionId the session
 * @param programName the program's name
 * @param format in person or by video
 * @param startsAt when it started
 * @param admitted how many held a place
 * @param attended how many came, or {@code null} while attendance is not taken
 */
public record HeldSession(long programId, long sessionId, String programName, ProgramFormat format, Instant startsAt,
		int admitted, @Nullable Integer attended) {
}
