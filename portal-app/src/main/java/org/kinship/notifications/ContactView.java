package org.kinship.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Where and when a member is told, as their settings page shows it.
 *
 * @param recordEmail the address the record gave at the last launch, or {@code null}
 * @param email the address the member confirmed, or {@code null}: nothing is sent before
 * @param refused whether the mail server refused the confirmed address
 * @param unsubscribed whether the member stopped every e-mail
 * @param language {@code en} or {@code es}
 * @param timeZone the member's time zone
 * @param quietFrom the start of quiet hours ({@code HH:mm}), or empty
 * @param quietUntil the end of quiet hours ({@code HH:mm}), or empty
 */
public record ContactView(@Nullable String recordEmail, @Nullable String email, boolean refused, boolean unsubscribed,
		String language, String timeZone, String quietFrom, String quietUntil) {

	/**
	 * @return whether the record's address differs from the confirmed one (or none is
	 * confirmed), so the page offers it
	 */
	public boolean offersRecordEmail() {
		return this.recordEmail != null && !this.recordEmail.equalsIgnoreCase(String.valueOf(this.email));
	}

}
