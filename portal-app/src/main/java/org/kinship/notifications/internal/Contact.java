package org.kinship.notifications.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where and when one member is told.
 *
 * @param issuer the health system's FHIR base URL
 * @param fhirUser the member
 * @param issuerKey the health system's registration key, for the link back
 * @param recordEmail the address the record gave at the last launch
 * @param email the confirmed address
 * @param refused whether the mail server refused it
 * @param unsubscribed whether the member stopped every e-mail
 * @param locale the member's language
 * @param timeZone the member's time zone
 * @param quietFrom minute of the local day quiet hours start, or {@code null}
 * @param quietUntil minute of the local day quiet hours end, or {@code null}
 * @param lastDigestAt when the last digest was composed
 * @param unsubscribeId the random part of the unsubscribe link
 */
public record Contact(String issuer, String fhirUser, String issuerKey, @Nullable String recordEmail,
		@Nullable String email, boolean refused, boolean unsubscribed, Locale locale, ZoneId timeZone,
		@Nullable Integer quietFrom, @Nullable Integer quietUntil, @Nullable Instant lastDigestAt,
		String unsubscribeId) {

	/**
	 * @return whether e-mail may go to this member now (confirmed, not refused, wanted)
	 */
	public boolean reachable() {
		return this.email != null && !this.refused && !this.unsubscribed;
	}

	/**
	 * Whether it is night for the member.
	 * @param now the instant
	 * @return true inside the member's quiet hours
	 */
	public boolean quietAt(Instant now) {
		if (this.quietFrom == null || this.quietUntil == null || this.quietFrom.equals(this.quietUntil)) {
			return false;
		}
		LocalTime local = now.atZone(this.timeZone).toLocalTime();
		int minute = local.getHour() * 60 + local.getMinute();
		return (this.quietFrom < this.quietUntil) ? minute >= this.quietFrom && minute < this.quietUntil
				: minute >= this.quietFrom || minute < this.quietUntil;
	}

	/**
	 * Whether the member's digest is due: their local digest hour has come today and no
	 * digest was composed since.
	 * @param now the instant
	 * @param digestHour the hour of the local day
	 * @return true when due
	 */
	public boolean digestDue(Instant now, int digestHour) {
		ZonedDateTime local = now.atZone(this.timeZone);
		Instant today = local.toLocalDate().atTime(digestHour, 0).atZone(this.timeZone).toInstant();
		return !now.isBefore(today) && (this.lastDigestAt == null || this.lastDigestAt.isBefore(today));
	}

}
