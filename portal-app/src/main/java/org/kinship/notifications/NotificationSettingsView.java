package org.kinship.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member's notification settings page.
 *
 * @param contact where and when they are told
 * @param groups their choice for each group they belong to
 * @param timeZones the time zones offered
 * @param pushKey the key a browser subscribes to pushes with, or {@code null} when
 * Kinship sends no pushes
 * @param pushBrowsers how many browsers the member allowed pushes in
 */
public record NotificationSettingsView(ContactView contact, List<GroupChoice> groups, List<String> timeZones,
		@Nullable String pushKey, int pushBrowsers) {
}
