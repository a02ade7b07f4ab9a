package org.kinship.programs;

import java.time.Instant;

/**
 * A member signed up for a session of a program (a place or the waiting list); published
 * in the transaction that stores the sign-up.
 *
 * @param issuer the health system
 * @param member the member's {@code fhirUser}
 * @param programId the program
 * @param sessionId the session
 * @param startsAt when the session starts
 * @param signedAt when they signed up: this sign-up's mark, so that one cancelled and
 * made again can be told apart ({@link SignUps#holdsPlace})
 */
public record ProgramSignedUp(String issuer, String member, long programId, long sessionId, Instant startsAt,
		Instant signedAt) {
}
