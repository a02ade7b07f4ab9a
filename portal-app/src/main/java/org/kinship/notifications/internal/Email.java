package org.kinship.notifications.internal;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail waiting for the mail server, or done with it.
 *
 * @param id the stored id
 * @param issuer the health system
 * @param fhirUser the member it is for
 * @param kind a batch of immediate notices, or a digest
 * @param summary a digest's counts as {@code group:messages} pairs, or {@code null}
 * @param attempts tries so far
 */
public record Email(long id, String issuer, String fhirUser, Kind kind, @Nullable String summary, int attempts) {

	/** Which e-mail. */
	public enum Kind {

		/** Immediate notices, batched. */
		NOTICE,
		/** The daily digest. */
		DIGEST

	}

}
