package org.kinship.broadcast;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A broadcast as stored, at any stage.
 *
 * @param id its id
 * @param issuer the health system's FHIR base URL
 * @param issuerKey its registration key
 * @param title the title
 * @param body the body as typed (Markdown)
 * @param bodyHtml the body as sanitized HTML
 * @param priority the priority
 * @param audience who it is for
 * @param status where it is
 * @param scheduledAt when it is to be sent, or {@code null} for at once
 * @param expiresAt when it stops being shown, or {@code null}
 * @param createdBy the community manager who wrote it
 * @param approvedBy the second community manager, or {@code null}
 * @param sentAt when it was sent, or {@code null}
 * @param recipientCount how many people it was stored for
 * @param lastError the message key of the last failure to send it, or {@code null}
 * @param lastErrorArgument the argument of that message, or {@code null}
 * @param spanish its words in Spanish, {@link BroadcastText#NONE} when there are none
 */
public record Broadcast(long id, String issuer, String issuerKey, String title, String body, String bodyHtml,
		Priority priority, AudienceSpec audience, BroadcastStatus status, @Nullable Instant scheduledAt,
		@Nullable Instant expiresAt, String createdBy, @Nullable String approvedBy, @Nullable Instant sentAt,
		int recipientCount, @Nullable String lastError, @Nullable String lastErrorArgument, BroadcastText spanish) {

	/**
	 * Whether the broadcast can still be changed.
	 * @return true until it is sent
	 */
	public boolean editable() {
		return this.status != BroadcastStatus.SENT;
	}

	/**
	 * Whether a community manager may see who has not acknowledged it.
	 * @param fhirUser the manager
	 * @return true for the one who wrote it and the one who approved it
	 */
	public boolean sentBy(String fhirUser) {
		return this.createdBy.equals(fhirUser) || fhirUser.equals(this.approvedBy);
	}

	/**
	 * When it was sent, or is to be sent, as the pages show it.
	 * @return {@code 2026-12-01 09:30 UTC}, or empty
	 */
	public String whenText() {
		Instant when = (this.sentAt != null) ? this.sentAt : this.scheduledAt;
		return (when != null) ? Times.display(when) : "";
	}

	/**
	 * When it expires, as the pages show it.
	 * @return {@code 2026-12-01 09:30 UTC}, or empty
	 */
	public String expiresText() {
		return (this.expiresAt != null) ? Times.display(this.expiresAt) : "";
	}

}
