package org.kinship.groups;

import java.util.List;
import java.util.Map;

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
 * @param names the names members see, by {@code fhirUser}, of the facilitators a
 * community manager named for it (who need not be members of the group)
 */
public record Cohost(long id, long groupId, String name, @Nullable String url, List<String> facilitators,
		Map<String, String> names) {
}
