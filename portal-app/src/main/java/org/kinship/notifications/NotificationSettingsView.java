package org.kinship.notifications;

import java.util.List;

/**
 * A member's notification settings page.
 *
 * @param contact where and when they are told
 * @param groups their choice for each group they belong to
 * @param timeZones the time zones offered
 */
public record NotificationSettingsView(ContactView contact, List<GroupChoice> groups, List<String> timeZones) {
}
