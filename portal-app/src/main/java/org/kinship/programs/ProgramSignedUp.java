package org.kinship.programs;

/**
 * A member signed up for a session of a program (a place or the waiting list).
 *
 * @param issuer the health system
 * @param member the member's {@code fhirUser}
 * @param programId the program
 */
public record ProgramSignedUp(String issuer, String member, long programId) {
}
