package org.kinship.programs;

import java.time.LocalDate;

/**
 * A program ends within {@code kinship.programs.reminder-before}, and its owner is due
 * the reminder, once per end date; published in the transaction that marks the owner
 * reminded.
 *
 * @param issuer the health system
 * @param programId the program
 * @param owner who keeps it, as {@code Practitioner/123}
 * @param endsOn its last day in the directory
 */
public record ProgramEndingSoon(String issuer, long programId, String owner, LocalDate endsOn) {
}
