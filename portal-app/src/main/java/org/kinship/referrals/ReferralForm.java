package org.kinship.referrals;

import org.jspecify.annotations.Nullable;

/**
 * A referral as the clinician's page sends it.
 *
 * @param groupId the group, or {@code null} for a program
 * @param programId the program, or {@code null} for a group
 * @param note an optional note to the patient
 */
public record ReferralForm(@Nullable Long groupId, @Nullable Long programId, @Nullable String note) {
}
