package org.kinship.careplan.internal;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Someone on the patient's care team, so that the member knows whom to ask.
 *
 * @param name the person's or organisation's name
 * @param role their role in the record's words, or {@code null}
 */
public record CareTeamMember(String name, @Nullable String role) implements Serializable {
}
