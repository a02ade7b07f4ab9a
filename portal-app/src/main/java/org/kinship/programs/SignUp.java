package org.kinship.programs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member's sign-up for a session.
 *
 * @param sessionId the session
 * @param member the member's {@code fhirUser}
 * @param memberName their name, as they gave it or as the launch named them
 * @param status a place or the waiting list
 * @param signedAt when they signed up
 * @param attended whether they came, once the staff took attendance; {@code null} before
 */
public record SignUp(long sessionId, String member, String memberName, SignUpStatus status, Instant signedAt,
		@Nullable Boolean attended) {
}
