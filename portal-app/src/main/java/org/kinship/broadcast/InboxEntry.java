package org.kinship.broadcast;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A broadcast as one recipient has it.
 *
 * @param id the broadcast
 * @param title the title
 * @param bodyHtml the body, sanitized
 * @param priority the priority
 * @param sentAt when it was sent
 * @param expiresAt when it stops being shown, or {@code null}
 * @param delivered whether their screen had it
 * @param seen whether they opened it
 * @param acknowledged whether they confirmed reading it
 */
public record InboxEntry(long id, String title, String bodyHtml, Priority priority, Instant sentAt,
		@Nullable Instant expiresAt, boolean delivered, boolean seen, boolean acknowledged) {

	/**
	 * Whether the "I have read this" button is still to be pressed.
	 * @return true for an important or urgent broadcast not yet acknowledged
	 */
	public boolean awaitsAcknowledgement() {
		return this.priority.asksAcknowledgement() && !this.acknowledged;
	}

	/**
	 * Whether the banner shows it: until opened, and an urgent one until acknowledged.
	 * @return true if the banner shows it
	 */
	public boolean bannered() {
		return !this.seen || (this.priority == Priority.URGENT && !this.acknowledged);
	}

	/**
	 * When it was sent, as the pages show it.
	 * @return {@code 2026-12-01 09:30 UTC}
	 */
	public String sentAtText() {
		return Times.display(this.sentAt);
	}

}
