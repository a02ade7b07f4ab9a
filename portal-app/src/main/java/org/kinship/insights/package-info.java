/**
 * Group insights: how a group is doing, from the members who chose to contribute (opt-in,
 * withdrawable at any time): how many members, the share taking each of the most common
 * medicine ingredients (read from active {@code MedicationRequest}s with backend
 * services), and the distribution of check-in scores over time. Aggregates are computed
 * by a scheduled job per group and stored, and pages are served from the store. Every
 * count under 11 shows as "fewer than 11", complementary cells are hidden so that no
 * total or difference reveals a hidden one, and every shown count is perturbed by a key
 * of the exact members behind it and shown as a range, so that a member joining or
 * leaving cannot be made out between two refreshes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
		allowedDependencies = { "shared", "launch", "audit", "groups", "checkins" })
@org.jspecify.annotations.NullMarked
package org.kinship.insights;
