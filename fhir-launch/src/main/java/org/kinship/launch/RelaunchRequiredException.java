package org.kinship.launch;

/**
 * The session can no longer reach the EHR (the refresh token is dead or was refused): the
 * person must open Kinship again from the portal. Pages show the relaunch page for it.
 */
public class RelaunchRequiredException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what failed, for the log; no token, no health data
	 * @param cause the cause
	 */
	public RelaunchRequiredException(String message, Throwable cause) {
		super(message, cause);
	}

}
