package org.kinship.groups;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A partner organisation named as a group's co-host, with the group's facilitators who
 * come from it.
 *
 * @param id the co-host
 * @param groupId the group
 * @param name the organisation's name
 * @param url its web address ({@code https} or {@code http}), or {@code null}
 * @param facilitators the {@code fhirUser}s of the group's facilitators from it
 */
public record Cohost(long id, long groupId, String name, @Nullable String url, List<String> facilitators) {
}
