package org.kinship.broadcast;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A broadcast was stored for all its recipients. Published inside the sending
 * transaction; listeners deliver it after commit. Carries no recipient list: each node
 * asks the database which of the members online there are recipients.
 *
 * @param id the broadcast
 * @param issuerKey the registration key of the health system
 * @param issuer the health system's FHIR base URL
 * @param title the title
 * @param bodyHtml the body as sanitized HTML
 * @param priority the priority
 * @param sentAt when it was sent
 * @param expiresAt when it stops being shown, or {@code null}
 * @param spanish its words in Spanish, {@link BroadcastText#NONE} when there are none
 */
public record BroadcastSent(long id, String issuerKey, String issuer, String title, String bodyHtml, Priority priority,
		Instant sentAt, @Nullable Instant expiresAt, BroadcastText spanish) {

	/**
	 * A broadcast in one language only.
	 * @param id the broadcast
	 * @param issuerKey the registration key of the health system
	 * @param issuer the health system's FHIR base URL
	 * @param title the title
	 * @param bodyHtml the body as sanitized HTML
	 * @param priority the priority
	 * @param sentAt when it was sent
	 * @param expiresAt when it stops being shown, or {@code null}
	 */
	public BroadcastSent(long id, String issuerKey, String issuer, String title, String bodyHtml, Priority priority,
			Instant sentAt, @Nullable Instant expiresAt) {
		this(id, issuerKey, issuer, title, bodyHtml, priority, sentAt, expiresAt, BroadcastText.NONE);
	}

}
