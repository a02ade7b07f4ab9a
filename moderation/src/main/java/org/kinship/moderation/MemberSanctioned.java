package org.kinship.moderation;

import org.jspecify.annotations.Nullable;

/**
 * A member was muted, suspended or banned. Published inside the deciding transaction; a
 * suspension or a ban must end what the member's open connections still receive.
 *
 * @param issuer the health system
 * @param groupId the group, or {@code null} for a ban from the community
 * @param member the member's {@code fhirUser}
 * @param kind the sanction
 */
public record MemberSanctioned(String issuer, @Nullable Long groupId, String member, Sanctions.Kind kind) {
}
