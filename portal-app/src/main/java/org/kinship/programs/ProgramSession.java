package org.kinship.programs;

import java.time.Instant;

/**
 * One meeting of a program.
 *
 * @param id its id
 * @param programId the program
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param capacity places
 * @param admitted places taken
 */
public record ProgramSession(long id, long programId, Instant startsAt, Instant endsAt, int capacity, int admitted) {

	/**
	 * Whether every place is taken.
	 * @return true when a sign-up goes to the waiting list
	 */
	public boolean full() {
		return this.admitted >= this.capacity;
	}

}
