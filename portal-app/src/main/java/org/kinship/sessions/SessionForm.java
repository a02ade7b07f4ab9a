package org.kinship.sessions;

import org.jspecify.annotations.Nullable;

/**
 * What a facilitator enters to schedule a session, kept as typed.
 *
 * @param title what it is about, 3 to 120 characters
 * @param start the local date and time it starts ({@code 2026-12-01T15:00}, in the
 * community's time zone), or blank to start now
 * @param minutes how long it lasts
 * @param posting who may post while it is live
 */
public record SessionForm(String title, @Nullable String start, int minutes, Posting posting) {
}
