package org.kinship.notifications;

/**
 * What a member typed on the settings page about where and when to be told.
 *
 * @param email the address to confirm; blank to stop e-mail
 * @param language {@code en} or {@code es}
 * @param timeZone a time zone such as {@code America/New_York}
 * @param quietFrom start of quiet hours as {@code HH:mm}, or blank for none
 * @param quietUntil end of quiet hours as {@code HH:mm}, or blank for none
 */
public record ContactForm(String email, String language, String timeZone, String quietFrom, String quietUntil) {
}
